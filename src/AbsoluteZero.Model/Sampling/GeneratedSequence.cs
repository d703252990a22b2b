namespace AbsoluteZero.Model.Sampling;

/// <summary>One row's response: ids (with the EOS when one ended it), their sampling log-probs, and whether it ran out of room.</summary>
public sealed record GeneratedSequence(IReadOnlyList<int> Tokens, IReadOnlyList<float> LogProbs, bool Truncated);
