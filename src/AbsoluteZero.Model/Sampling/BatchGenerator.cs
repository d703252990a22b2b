using AbsoluteZero.Model.Architecture;
using static TorchSharp.torch;

namespace AbsoluteZero.Model.Sampling;

/// <summary>What to generate: the limits and the sampling rule, plus what ends a row.</summary>
public sealed record GenerationRequest(int MaxNewTokens, double Temperature, double TopP, IReadOnlySet<int> EosIds, StopStrings StopStrings, int VocabularyLimit, int PadId);

/// <summary>
/// Batched autoregressive sampling for prompts of different lengths: left padding, per-row positions from the mask,
/// one preallocated KV cache, and per-row stopping (EOS or a stop string; a finished row is fed padding and ignored).
/// Each decode step runs in its own dispose scope, so native memory stays flat however many steps a batch takes.
/// </summary>
public static class BatchGenerator
{
    public static IReadOnlyList<GeneratedSequence> Generate(
        CausalLM model, IReadOnlyList<IReadOnlyList<int>> prompts, GenerationRequest request, Generator generator, CancellationToken cancellationToken = default)
    {
        if (prompts.Count == 0)
            return [];
        for (var i = 0; i < prompts.Count; i++)
        {
            if (prompts[i].Count == 0)
                throw new ArgumentException($"prompt {i} is empty: generation needs at least one token to start from", nameof(prompts));
            TokenIds.Check(prompts[i], model.Config.VocabSize, $"prompt {i}");
        }

        var batch = prompts.Count;
        var width = prompts.Max(p => p.Count);
        var device = model.Placement.Device;
        var tokens = Enumerable.Range(0, batch).Select(_ => new List<int>()).ToArray();
        var logProbs = Enumerable.Range(0, batch).Select(_ => new List<float>()).ToArray();
        var finished = new bool[batch];
        if (request.MaxNewTokens <= 0)
            return Enumerable.Range(0, batch).Select(_ => new GeneratedSequence([], [], Truncated: true)).ToArray();

        using var _ = inference_mode();
        using var cache = new KvCache(model.Config, batch, width + request.MaxNewTokens, model.Placement);
        // Which cache slots hold real tokens: the prompt part is left-padded, generated slots are always real.
        using var keyValid = zeros([batch, width + request.MaxNewTokens], ScalarType.Bool, device);
        using var nextPositions = zeros([batch], ScalarType.Int64, device);
        var logits = Prefill(model, prompts, request.PadId, width, cache, keyValid, nextPositions);
        try
        {
            for (var step = 0; step < request.MaxNewTokens; step++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                using var scope = NewDisposeScope();
                var (next, nextLogProbs) = TokenSampler.Sample(logits, request.VocabularyLimit, request.Temperature, request.TopP, generator);
                var chosen = next.cpu().data<long>().ToArray();
                var chosenLogProbs = nextLogProbs.cpu().data<float>().ToArray();
                var feed = new long[batch];
                for (var row = 0; row < batch; row++)
                {
                    feed[row] = request.PadId;
                    if (finished[row])
                        continue;
                    var token = (int)chosen[row];
                    tokens[row].Add(token);
                    logProbs[row].Add(chosenLogProbs[row]);
                    finished[row] = request.EosIds.Contains(token) || request.StopStrings.CompletedBy(tokens[row]);
                    feed[row] = token;
                }

                if (finished.All(f => f) || step == request.MaxNewTokens - 1)
                    break;
                var slot = cache.Length;
                keyValid.narrow(1, slot, 1).fill_(true);
                var hidden = model.Hidden(
                    tensor(feed, [batch, 1], device: device),
                    nextPositions.unsqueeze(1),
                    AttentionMask.Causal(keyValid.narrow(1, 0, slot + 1), slot, 1),
                    cache);
                nextPositions.add_(1);
                var nextLogits = model.Logits(hidden.select(1, 0)).DetachFromDisposeScope();
                logits.Dispose();
                logits = nextLogits;
            }
        }
        finally
        {
            logits.Dispose();
        }

        return Enumerable.Range(0, batch).Select(row => new GeneratedSequence(tokens[row], logProbs[row], Truncated: !finished[row])).ToArray();
    }
    /// <summary>Runs the left-padded prompts through the model, filling the cache; returns the last position's logits [B, V].</summary>
    private static Tensor Prefill(CausalLM model, IReadOnlyList<IReadOnlyList<int>> prompts, int padId, int width, KvCache cache, Tensor keyValid, Tensor nextPositions)
    {
        using var scope = NewDisposeScope();
        var batch = prompts.Count;
        var padded = new long[batch * width];
        var valid = new bool[batch * width];
        for (var row = 0; row < batch; row++)
        {
            var offset = width - prompts[row].Count;
            for (var i = 0; i < width; i++)
            {
                padded[row * width + i] = i < offset ? padId : prompts[row][i - offset];
                valid[row * width + i] = i >= offset;
            }
        }

        var device = model.Placement.Device;
        var promptValid = tensor(valid, [batch, width], device: device);
        keyValid.narrow(1, 0, width).copy_(promptValid);
        var positions = AttentionMask.Positions(promptValid);
        nextPositions.copy_(positions.select(1, width - 1) + 1);
        var hidden = model.Hidden(tensor(padded, [batch, width], device: device), positions, AttentionMask.ForRows(promptValid), cache);
        return model.Logits(hidden.select(1, width - 1)).DetachFromDisposeScope();
    }
}
