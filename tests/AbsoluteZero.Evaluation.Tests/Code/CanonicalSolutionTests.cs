using AbsoluteZero.Core.Configuration;
using AbsoluteZero.Evaluation.Scoring;
using Xunit.Abstractions;

namespace AbsoluteZero.Evaluation.Tests.Code;

/// <summary>The harness checks itself (DESIGN.md §7): every canonical solution passes base and plus.</summary>
[Collection(CodeScoringCollection.Name)]
public sealed class CanonicalSolutionTests(CodeScoringFixture fixture, ITestOutputHelper output)
{
    [Theory]
    [InlineData(BenchmarkNames.HumanEvalPlus, 164)]
    [InlineData(BenchmarkNames.MbppPlus, 378)]
    public async Task Every_canonical_solution_passes_base_and_plus(string name, int taskCount)
    {
        var (benchmark, truth) = await fixture.EvalPlusAsync(name);
        Assert.Equal(taskCount, benchmark.Tasks.Count);
        var samples = benchmark.Tasks.Select(t => new CodeSample(t.TaskId, t.CanonicalProgram)).ToList();

        var verdicts = await new EvalPlusScorer(fixture.Pool, fixture.Options).ScoreAsync(benchmark, truth, samples);

        var failed = samples.Zip(verdicts).Where(p => !p.Second.Passed)
            .Select(p => $"{p.First.TaskId}: {p.Second.Failure}").ToList();
        foreach (var failure in failed)
            output.WriteLine(failure);
        Assert.Empty(failed);
        Assert.All(verdicts, v => Assert.True(v.BasePassed == true && v.PlusPassed == true));
    }
}
