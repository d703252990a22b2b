using AbsoluteZero.Evaluation.MathGrading;
using AbsoluteZero.Evaluation.Prompting;

namespace AbsoluteZero.Evaluation.Generation;

/// <summary>One problem of an evaluation: its id, its prompt, and what judging needs beyond the response.</summary>
/// <param name="CodePrompt">The code a completion continues (code benchmarks, base style).</param>
/// <param name="Reference">The reference answer (math benchmarks).</param>
public sealed record EvalProblem(string Id, EvalPrompt Prompt, string? CodePrompt, MathReference? Reference);
