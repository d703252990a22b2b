using AbsoluteZero.Core.Configuration;
using AbsoluteZero.Evaluation.Generation;
using AbsoluteZero.Evaluation.Tests.Code;
using AbsoluteZero.Testing;

namespace AbsoluteZero.Evaluation.Tests.Generation;

/// <summary>
/// Model responses judged end to end through the real sandbox and grader: responses built from the canonical
/// solutions pass in both prompt styles, broken ones fail with the failing input, unreadable ones fail as such.
/// </summary>
[Collection(CodeScoringCollection.Name)]
public sealed class ResponseJudgeTests(CodeScoringFixture fixture)
{
    [Fact]
    public async Task Base_style_completions_of_the_canonical_solutions_pass_base_and_plus_and_a_wrong_body_fails_on_base()
    {
        var (data, _) = await fixture.EvalPlusAsync(BenchmarkNames.HumanEvalPlus);
        var benchmark = Load(BenchmarkNames.HumanEvalPlus, PromptStyle.Base, 3);
        var responses = benchmark.Problems.Select(p => Response(p, CodeScoringFixture.Task(data, p.Id).CanonicalSolution + "\n\ndef check(candidate):\n    pass\n")).ToList();
        responses.Add(Response(benchmark.Problems[0], "    return None\n", sampleIndex: 1));

        var results = await JudgeAsync(benchmark, responses);

        Assert.All(results.Take(3), r => Assert.Equal((true, true, true, null), (r.Passed, r.BasePassed, r.PlusPassed, r.FailureDetail)));
        Assert.All(results.Take(3), r => Assert.Equal(benchmark.Problems.Single(p => p.Id == r.ProblemId).Prompt.Text + CodeScoringFixture.Task(data, r.ProblemId).CanonicalSolution + "\n", r.Extracted));
        var wrong = results[3];
        Assert.Equal(("HumanEval/0", 1, false, false, false), (wrong.ProblemId, wrong.SampleIndex, wrong.Passed, wrong.BasePassed, wrong.PlusPassed));
        Assert.Equal($"base input: {CodeScoringFixture.Task(data, "HumanEval/0").BaseInputs[0].Json}\nexpected True, got None", wrong.FailureDetail);
    }

    [Fact]
    public async Task Azr_style_answers_holding_the_canonical_program_pass_and_an_answer_without_code_fails_unrun()
    {
        var (data, _) = await fixture.EvalPlusAsync(BenchmarkNames.MbppPlus);
        var benchmark = Load(BenchmarkNames.MbppPlus, PromptStyle.Azr, 2);
        var responses = benchmark.Problems.Select(p =>
            Response(p, $"The sets intersect.</think>\n<answer>\n```python\n{CodeScoringFixture.Task(data, p.Id).CanonicalProgram}```\n</answer>")).ToList();
        responses.Add(Response(benchmark.Problems[1], "Hmm.</think> <answer>I cannot.</answer>", sampleIndex: 1));
        responses.Add(Response(benchmark.Problems[1], "no tags and no code at all", sampleIndex: 2, truncated: true));

        var results = await JudgeAsync(benchmark, responses);

        Assert.True(results[0].Passed && results[1].Passed, string.Join("\n", results.Select(r => r.FailureDetail)));
        Assert.Equal((false, false, false), (results[2].Passed, results[2].BasePassed, results[2].PlusPassed));
        Assert.StartsWith("the program does not load", results[2].FailureDetail);
        Assert.Equal((false, null, ResponseJudge.NoProgram, true), (results[3].Passed, results[3].Extracted, results[3].FailureDetail, results[3].Truncated));
    }

    [Fact]
    public async Task Math_answers_are_graded_against_the_reference_with_the_mismatch_named()
    {
        var benchmark = Load(BenchmarkNames.Aime2024, PromptStyle.Azr, 3);
        var answers = benchmark.Problems.Select(p => p.Reference!.Combined).ToList();
        EvalResponse[] responses =
        [
            Response(benchmark.Problems[0], $"Work.</think> <answer>\\boxed{{{answers[0]}}}</answer>"),
            Response(benchmark.Problems[1], "Work.</think> <answer>1000000</answer>"),
            Response(benchmark.Problems[2], "I ran out of time"),
        ];

        var results = await JudgeAsync(benchmark, responses);

        Assert.Equal((true, answers[0], null), (results[0].Passed, results[0].Extracted, results[0].FailureDetail));
        Assert.Equal((false, "1000000", $"expected {answers[1]}, got 1000000"), (results[1].Passed, results[1].Extracted, results[1].FailureDetail));
        Assert.Equal((false, ResponseJudge.NoAnswer), (results[2].Passed, results[2].FailureDetail));
        Assert.All(results, r => Assert.Equal(benchmark.Problems.Single(p => p.Id == r.ProblemId).Reference!.Combined, r.Reference));
        Assert.All(results, r => Assert.Null(r.BasePassed));
    }

    private static EvalBenchmark Load(string name, PromptStyle style, int limit) => EvalBenchmark.Load(name, RepositoryPaths.Benchmarks, style, limit);

    private static EvalResponse Response(EvalProblem problem, string text, int sampleIndex = 0, bool truncated = false) => new(problem, sampleIndex, text, truncated);

    private Task<IReadOnlyList<EvalSampleResult>> JudgeAsync(EvalBenchmark benchmark, IReadOnlyList<EvalResponse> responses) =>
        ResponseJudge.JudgeAsync(benchmark, responses, fixture.Pool, fixture.Options, _ => { }, CancellationToken.None);
}
