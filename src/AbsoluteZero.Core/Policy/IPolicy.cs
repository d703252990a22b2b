namespace AbsoluteZero.Core.Policy;

/// <summary>
/// The language model that plays both AZR roles. Core hands it finished prompt text (the R1 template already
/// applied) and gets token-level results back; tokenization, devices and numerics stay behind this interface.
/// Implemented by AbsoluteZero.Model on TorchSharp; trainer unit tests use a scripted test double.
/// Calls are synchronous: they are compute-bound and the caller decides what runs beside them.
/// </summary>
public interface IPolicy : IDisposable
{
    /// <summary>Tokens <paramref name="text"/> takes, for the prompt-length guard before generating.</summary>
    int CountTokens(string text);

    /// <summary>Samples one response per prompt (batched inside, left-padded, per-row stop).</summary>
    IReadOnlyList<Generation> Generate(IReadOnlyList<string> prompts, SamplingOptions options, CancellationToken cancellationToken = default);

    /// <summary>Per-token log-probabilities and entropies of given responses, without gradient.</summary>
    IReadOnlyList<SequenceScores> Score(IReadOnlyList<PolicySample> samples, CancellationToken cancellationToken = default);

    /// <summary>
    /// One optimizer step on a whole training step's batch (AZR.md §4.2): micro-batched forward/backward with the
    /// PPO-clip token-mean loss and entropy bonus, gradient accumulation, global-norm clipping, AdamW.
    /// </summary>
    UpdateStats Update(IReadOnlyList<PolicySample> batch, CancellationToken cancellationToken = default);

    /// <summary>Writes a Hugging Face folder (config, tokenizer, safetensors) plus optimizer and sampler state.</summary>
    void Save(string directory);
}
