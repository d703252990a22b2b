namespace AbsoluteZero.Core.Policy;

/// <summary>One sampled response.</summary>
/// <param name="Text">The decoded response (what the model wrote after the prompt), special tokens dropped.</param>
/// <param name="PromptTokens">The prompt's token ids, so training scores exactly what was sampled.</param>
/// <param name="ResponseTokens">The response's token ids, including the final EOS when one was produced.</param>
/// <param name="LogProbs">Sampling-time log-probability of each response token (f32 precision).</param>
/// <param name="Truncated">True when the row hit <see cref="SamplingOptions.MaxNewTokens"/> without stopping.</param>
public sealed record Generation(
    string Text,
    IReadOnlyList<int> PromptTokens,
    IReadOnlyList<int> ResponseTokens,
    IReadOnlyList<float> LogProbs,
    bool Truncated);
