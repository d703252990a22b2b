namespace AbsoluteZero.Evaluation.Generation;

/// <summary>
/// One judged sample: the prompt, the model's response as generated, what was read out of it (the program run, or
/// the math answer found), and the verdict.
/// </summary>
/// <param name="SampleIndex">0 for greedy decoding; 0..n-1 when sampling n per problem.</param>
/// <param name="Extracted">The program that was run (code) or the answer found (math); null when the response held none.</param>
/// <param name="BasePassed">HumanEval+/MBPP+: the base tests passed; null elsewhere.</param>
/// <param name="PlusPassed">HumanEval+/MBPP+: base and plus tests passed (equals <paramref name="Passed"/>); null elsewhere.</param>
/// <param name="FailureDetail">Why it failed: the failing test's input and the difference, the grader's mismatch, or
/// that nothing could be read; null when it passed.</param>
/// <param name="Reference">The reference answer (math).</param>
/// <param name="Truncated">The response ran out of new tokens before it ended.</param>
public sealed record EvalSampleResult(
    string Benchmark,
    string ProblemId,
    int SampleIndex,
    string Prompt,
    string Completion,
    string? Extracted,
    bool Passed,
    bool? BasePassed,
    bool? PlusPassed,
    string? FailureDetail,
    string? Reference,
    bool Truncated);
