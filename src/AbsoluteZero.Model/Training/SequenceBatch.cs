using AbsoluteZero.Core.Policy;
using AbsoluteZero.Model.Architecture;
using static TorchSharp.torch;

namespace AbsoluteZero.Model.Training;

/// <summary>
/// Prompt+response rows packed for one forward: right-padded ids [B, T], a validity mask, and the flat indices of the
/// positions whose next-token prediction is a response token (logits at t predict token t+1). Only those positions
/// are projected onto the vocabulary, so long prompts cost no vocab-sized logits.
/// </summary>
public sealed class SequenceBatch : IDisposable
{
    private SequenceBatch(Tensor ids, Tensor valid, Tensor predictingPositions, Tensor targets, Tensor advantages, int[] responseLengths)
    {
        Ids = ids;
        Valid = valid;
        PredictingPositions = predictingPositions;
        Targets = targets;
        Advantages = advantages;
        ResponseLengths = responseLengths;
    }

    /// <summary>[B, T] int64</summary>
    public Tensor Ids { get; }

    /// <summary>[B, T] bool</summary>
    public Tensor Valid { get; }

    /// <summary>[N] int64 indices into the flattened [B·T] hidden states, N = total response tokens, row by row.</summary>
    public Tensor PredictingPositions { get; }

    /// <summary>[N] int64 response tokens, aligned with <see cref="PredictingPositions"/>.</summary>
    public Tensor Targets { get; }

    /// <summary>[N] f32: each token carries its sequence's advantage (TRR++ puts the same value on every token).</summary>
    public Tensor Advantages { get; }

    public int[] ResponseLengths { get; }

    public long TokenCount => Targets.shape[0];

    /// <param name="vocabularySize">ids must be below it (the embedding's rows)</param>
    public static SequenceBatch Create(IReadOnlyList<PolicySample> samples, int padId, int vocabularySize, Device device)
    {
        if (samples.Count == 0)
            throw new ArgumentException("a batch needs at least one sample", nameof(samples));
        for (var i = 0; i < samples.Count; i++)
        {
            if (samples[i].PromptTokens.Count == 0)
                throw new ArgumentException($"sample {i} has an empty prompt (the first response token needs a prompt token to be predicted from)", nameof(samples));
            TokenIds.Check(samples[i].PromptTokens, vocabularySize, $"sample {i} prompt");
            TokenIds.Check(samples[i].ResponseTokens, vocabularySize, $"sample {i} response");
        }

        var width = samples.Max(s => s.PromptTokens.Count + s.ResponseTokens.Count);
        var ids = new long[samples.Count * width];
        var valid = new bool[samples.Count * width];
        var positions = new List<long>();
        var targets = new List<long>();
        var advantages = new List<float>();
        for (var row = 0; row < samples.Count; row++)
        {
            var sample = samples[row];
            var prompt = sample.PromptTokens.Count;
            var rowStart = row * width;
            for (var i = 0; i < width; i++)
                ids[rowStart + i] = padId;
            for (var i = 0; i < prompt; i++)
                ids[rowStart + i] = sample.PromptTokens[i];
            for (var j = 0; j < sample.ResponseTokens.Count; j++)
            {
                ids[rowStart + prompt + j] = sample.ResponseTokens[j];
                positions.Add(rowStart + prompt + j - 1);
                targets.Add(sample.ResponseTokens[j]);
                advantages.Add((float)sample.Advantage);
            }

            for (var i = 0; i < prompt + sample.ResponseTokens.Count; i++)
                valid[rowStart + i] = true;
        }

        return new SequenceBatch(
            tensor(ids, [samples.Count, width], device: device),
            tensor(valid, [samples.Count, width], device: device),
            tensor(positions.ToArray(), device: device),
            tensor(targets.ToArray(), device: device),
            tensor(advantages.ToArray(), device: device),
            samples.Select(s => s.ResponseTokens.Count).ToArray());
    }

    public void Dispose()
    {
        Ids.Dispose();
        Valid.Dispose();
        PredictingPositions.Dispose();
        Targets.Dispose();
        Advantages.Dispose();
    }
}
