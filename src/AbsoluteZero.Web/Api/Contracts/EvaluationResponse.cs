using AbsoluteZero.Data.Evaluation;
using AbsoluteZero.Data.Runs;
using AbsoluteZero.Web.Evaluation;

namespace AbsoluteZero.Web.Api.Contracts;

/// <summary>One score of an evaluation run: a fraction in 0–1 over <c>n</c> problems with its 95% bootstrap interval.</summary>
public sealed record ScoreResponse(string Benchmark, string Metric, double Value, int N, double? CiLow, double? CiHigh)
{
    public static ScoreResponse From(EvalScore score) => new(score.Benchmark, score.Metric, score.Value, score.N, score.CiLow, score.CiHigh);
}

/// <summary>An evaluation run with its scores (finished benchmarks) and how many samples each benchmark has judged so far.</summary>
public sealed record EvaluationResponse(RunResponse Run, IReadOnlyList<ScoreResponse> Scores, IReadOnlyList<BenchmarkProgress> Progress)
{
    public static EvaluationResponse From(Run run, IReadOnlyList<EvalScore> scores, IReadOnlyList<BenchmarkProgress> progress) =>
        new(RunResponse.From(run), scores.Select(ScoreResponse.From).ToList(), progress);
}

/// <summary>
/// One judged sample: the prompt, the model's response, the program run or answer found (<c>extracted</c>), the verdict,
/// and why it failed (<c>failure_detail</c>: the failing input and the difference, or the grader's mismatch).
/// </summary>
public sealed record EvalSampleResponse(
    long Id,
    string Benchmark,
    string ProblemId,
    int SampleIndex,
    string? Prompt,
    string Completion,
    string? Extracted,
    string? Reference,
    bool Passed,
    bool? BasePassed,
    bool? PlusPassed,
    bool Truncated,
    string? FailureDetail)
{
    public static EvalSampleResponse From(EvalSample s) =>
        new(s.Id, s.Benchmark, s.ProblemId, s.SampleIndex, s.Prompt, s.Completion, s.ExtractedAnswer, s.Reference, s.Passed, s.BasePassed, s.PlusPassed,
            s.Truncated, s.FailureDetail);
}
