using AbsoluteZero.Core.Configuration;
using AbsoluteZero.Evaluation.Benchmarks.CodeSets;
using AbsoluteZero.Evaluation.Scoring;
using AbsoluteZero.Testing;

namespace AbsoluteZero.Evaluation.Tests.Code;

/// <summary>HumanEval's check() and MBPP's asserts through the real sandbox.</summary>
[Collection(CodeScoringCollection.Name)]
public sealed class AssertScoringTests(CodeScoringFixture fixture)
{
    [Theory]
    [InlineData(BenchmarkNames.HumanEval, 164)]
    [InlineData(BenchmarkNames.MbppSanitized, 427)]
    public async Task Every_canonical_solution_passes_its_own_asserts(string name, int count)
    {
        var benchmark = AssertBenchmarkLoader.Load(RepositoryPaths.Benchmarks, name);
        Assert.Equal(count, benchmark.Tasks.Count);

        var verdicts = await Scorer().ScoreAsync(benchmark, benchmark.Tasks.Select(t => new CodeSample(t.TaskId, t.CanonicalProgram)).ToList());

        Assert.Empty(benchmark.Tasks.Zip(verdicts).Where(p => !p.Second.Passed).Select(p => $"{p.First.TaskId}: {p.Second.Failure}"));
    }

    [Fact]
    public async Task A_wrong_humaneval_solution_fails_at_the_first_failing_assert_of_check()
    {
        var benchmark = AssertBenchmarkLoader.Load(RepositoryPaths.Benchmarks, BenchmarkNames.HumanEval);
        var task = benchmark.Tasks.Single(t => t.TaskId == "HumanEval/0");

        var verdict = (await Scorer().ScoreAsync(benchmark, [new CodeSample(task.TaskId, task.Prompt + "    return False\n")]))[0];

        Assert.False(verdict.Passed);
        Assert.Null(verdict.BasePassed);
        Assert.Equal(new CodeFailure(null, "assert candidate([1.0, 2.0, 3.9, 4.0, 5.0, 2.2], 0.3) == True", "AssertionError", false), verdict.Failure);
    }

    [Fact]
    public async Task A_wrong_mbpp_solution_fails_at_its_first_failing_assert_and_a_slow_one_times_out()
    {
        var benchmark = AssertBenchmarkLoader.Load(RepositoryPaths.Benchmarks, BenchmarkNames.MbppSanitized);
        var task = benchmark.Tasks.Single(t => t.TaskId == "Mbpp/17");
        Assert.Equal("assert square_perimeter(10)==40", task.Tests[0]);

        var verdicts = await new AssertScorer(fixture.Pool, fixture.Options with { AssertTimeoutSeconds = 1 }).ScoreAsync(benchmark,
        [
            new CodeSample(task.TaskId, "def square_perimeter(a):\n    return 40 if a == 10 else 0\n"),
            new CodeSample(task.TaskId, "def square_perimeter(a):\n    while True:\n        pass\n"),
            new CodeSample(task.TaskId, "def square_perimeter(a) return 4 * a\n"),
        ]);

        Assert.Equal(new CodeFailure(null, task.Tests[1], "AssertionError", false), verdicts[0].Failure);
        Assert.Equal(new CodeFailure(null, task.Tests[0], "time limit of 1 s exceeded", true), verdicts[1].Failure);
        Assert.Equal(new CodeFailure(null, null, "the program does not load: SyntaxError: expected ':' (<program>, line 1)", false), verdicts[2].Failure);
    }

    private AssertScorer Scorer() => new(fixture.Pool, fixture.Options);
}
