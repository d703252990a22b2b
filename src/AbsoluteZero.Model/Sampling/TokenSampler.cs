using static TorchSharp.torch;

namespace AbsoluteZero.Model.Sampling;

/// <summary>
/// Picks the next token of every row from f32 logits, in Hugging Face's order: drop ids the tokenizer cannot decode,
/// divide by the temperature, keep the top-p nucleus (the top token always survives), draw with the seeded
/// generator. Temperature 0 is greedy. The log-prob returned is that of the full tempered distribution (before the
/// nucleus cut): the same quantity training recomputes, so the two agree.
/// </summary>
public static class TokenSampler
{
    /// <param name="logits">[B, V] f32</param>
    /// <param name="vocabularyLimit">ids at or above this get probability 0</param>
    /// <returns>tokens [B] int64 and their log-probs [B] f32</returns>
    public static (Tensor Tokens, Tensor LogProbs) Sample(Tensor logits, int vocabularyLimit, double temperature, double topP, Generator generator)
    {
        using var scope = NewDisposeScope();
        var decodable = Decodable(logits, vocabularyLimit);
        var scaled = temperature > 0 ? decodable / temperature : decodable;
        var logProbs = scaled.log_softmax(-1);
        Tensor tokens;
        if (temperature <= 0)
        {
            tokens = scaled.argmax(-1);
        }
        else if (topP >= 1.0)
        {
            tokens = multinomial(logProbs.exp(), 1, generator: generator).squeeze(-1);
        }
        else
        {
            var (sorted, order) = logProbs.exp().sort(-1, descending: true);
            var outside = sorted.cumsum(-1) - sorted > topP;
            var kept = sorted.masked_fill(outside, 0.0);
            tokens = order.gather(-1, multinomial(kept, 1, generator: generator)).squeeze(-1);
        }

        var chosen = logProbs.gather(-1, tokens.unsqueeze(-1)).squeeze(-1);
        return (tokens.MoveToOuterDisposeScope(), chosen.MoveToOuterDisposeScope());
    }

    /// <summary>
    /// The logits of ids below <paramref name="limit"/> (a view): the embedding has more rows than the tokenizer has
    /// ids, and leaving the rest out is the same distribution as masking them to −∞, without a vocab-sized copy.
    /// </summary>
    public static Tensor Decodable(Tensor logits, int limit) =>
        logits.narrow(-1, 0, Math.Min(limit, logits.shape[^1]));
}
