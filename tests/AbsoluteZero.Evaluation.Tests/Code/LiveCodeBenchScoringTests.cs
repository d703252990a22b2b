using AbsoluteZero.Evaluation.Benchmarks.CodeSets;
using AbsoluteZero.Evaluation.Scoring;
using AbsoluteZero.Testing;

namespace AbsoluteZero.Evaluation.Tests.Code;

/// <summary>LiveCodeBench's stdin and functional problems through the real sandbox, on problems of the staged slice.</summary>
[Collection(CodeScoringCollection.Name)]
public sealed class LiveCodeBenchScoringTests(CodeScoringFixture fixture)
{
    private static readonly LiveCodeBenchSet Set = LiveCodeBenchLoader.Load(RepositoryPaths.Benchmarks);

    [Fact]
    public void The_slice_has_279_problems_named_by_row_with_their_kind_and_method()
    {
        Assert.Equal(279, Set.Problems.Count);
        Assert.Equal((175, 104), (Set.Problems.Count(p => p.Type == LiveCodeBenchTestType.Stdin), Set.Problems.Count(p => p.Type == LiveCodeBenchTestType.Functional)));
        Assert.Equal(("LiveCodeBench/88", "findMaximumScore"), (Set.Problems[88].TaskId, Set.Problems[88].Method));
        Assert.All(Set.Problems.Where(p => p.Type == LiveCodeBenchTestType.Functional), p => Assert.False(string.IsNullOrEmpty(p.Method)));
    }

    [Theory]
    // LiveCodeBench/1: days in year Y (stdin). Every common way of reading input works.
    [InlineData("Y = int(input())\nprint(366 if Y % 4 == 0 and (Y % 100 != 0 or Y % 400 == 0) else 365)\n")]
    [InlineData("import sys\nY = int(sys.stdin.readline())\nprint(366 if Y % 4 == 0 and (Y % 100 != 0 or Y % 400 == 0) else 365)\n")]
    [InlineData("import sys\nY = int(sys.stdin.buffer.read())\nsys.stdout.write(str(366 if Y % 4 == 0 and (Y % 100 != 0 or Y % 400 == 0) else 365) + '\\n')\n")]
    [InlineData("def main():\n    Y = int(open(0).read())\n    print(366 if Y % 4 == 0 and (Y % 100 != 0 or Y % 400 == 0) else 365)\n\nif __name__ == '__main__':\n    main()\n")]
    // Output lines are compared trimmed, and as decimals when they differ as text.
    [InlineData("Y = int(input())\nprint('  ', float(366 if Y % 4 == 0 and (Y % 100 != 0 or Y % 400 == 0) else 365), '  ')\n\n")]
    public async Task Correct_stdin_programs_pass(string program)
    {
        Assert.True((await ScoreAsync(1, program)).Passed);
    }

    [Fact]
    public async Task A_wrong_stdin_program_fails_on_the_first_test_it_gets_wrong()
    {
        var verdict = await ScoreAsync(1, "input()\nprint(365)\n");

        Assert.Equal(new CodeFailure(null, "1992\n", "expected 366\n, got 365\n", false), verdict.Failure);
    }

    [Fact]
    public async Task A_functional_problem_calls_the_solution_method_with_one_json_argument_per_line()
    {
        const string right = "class Solution:\n    def findMaximumScore(self, nums: List[int]) -> int:\n"
                             + "        total, best = 0, nums[0]\n        for x in nums[1:]:\n            total += best\n            best = max(best, x)\n        return total\n";
        const string wrong = "class Solution:\n    def findMaximumScore(self, nums):\n        return sum(nums)\n";

        Assert.True((await ScoreAsync(88, right)).Passed);
        Assert.Equal(new CodeFailure(null, "[1, 3, 1, 5]", "expected 7, got 10", false), (await ScoreAsync(88, wrong)).Failure);
    }

    [Fact]
    public async Task A_slow_program_times_out_per_test()
    {
        var verdicts = await new LiveCodeBenchScorer(fixture.Pool, fixture.Options with { LiveCodeBenchTimeoutSeconds = 1 })
            .ScoreAsync(Set, [new CodeSample("LiveCodeBench/1", "while True:\n    pass\n")]);

        Assert.Equal(new CodeFailure(null, "2023\n", "time limit of 1 s exceeded", true), verdicts[0].Failure);
    }

    private async Task<CodeVerdict> ScoreAsync(int row, string program) =>
        (await new LiveCodeBenchScorer(fixture.Pool, fixture.Options).ScoreAsync(Set, [new CodeSample(Set.Problems[row].TaskId, program)]))[0];
}
