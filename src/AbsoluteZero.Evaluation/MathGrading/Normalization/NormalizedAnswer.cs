namespace AbsoluteZero.Evaluation.MathGrading.Normalization;

/// <summary>An answer after LaTeX normalisation. <paramref name="HasPercent"/> remembers a removed percent sign, so
/// that 50\% can match 0.5 (the Qwen2.5-Math grader's rule) without 50 matching 0.5.</summary>
public sealed record NormalizedAnswer(string Text, bool HasPercent);
