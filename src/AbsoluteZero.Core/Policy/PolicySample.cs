namespace AbsoluteZero.Core.Policy;

/// <summary>
/// One training sequence. TRR++ gives every valid response token of a sequence the same advantage (the reward sits
/// on the last token and gamma is 1), so one number per sequence carries it.
/// </summary>
/// <param name="PromptTokens">Prompt ids as generated.</param>
/// <param name="ResponseTokens">Response ids as generated; these are the tokens the loss covers.</param>
/// <param name="Advantage">The task-relative advantage (R − mean) / sqrt(var + 1e−8) of this sequence's batch.</param>
public sealed record PolicySample(IReadOnlyList<int> PromptTokens, IReadOnlyList<int> ResponseTokens, double Advantage);

/// <summary>Per-token scores of one response.</summary>
public sealed record SequenceScores(IReadOnlyList<float> LogProbs, IReadOnlyList<float> Entropies);

/// <summary>What one optimizer step did, for the <c>actor/*</c> metrics.</summary>
public sealed record UpdateStats(double PgLoss, double Entropy, double GradNorm, double LearningRate, double ClipFraction, long Tokens);
