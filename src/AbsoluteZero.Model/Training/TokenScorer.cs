using AbsoluteZero.Model.Architecture;
using AbsoluteZero.Model.Sampling;
using static TorchSharp.torch;

namespace AbsoluteZero.Model.Training;

/// <summary>
/// Log-probability and entropy of every response token under the current weights, in f32, over the tokenizer's
/// vocabulary (ids it cannot produce are left out exactly as in sampling, so sampled and recomputed log-probs agree).
/// Differentiable: the trainer backpropagates through it; scoring calls it under inference mode.
/// </summary>
public static class TokenScorer
{
    /// <returns>log-probs [N] and entropies [N], aligned with <see cref="SequenceBatch.Targets"/></returns>
    public static (Tensor LogProbs, Tensor Entropies) Score(CausalLM model, SequenceBatch batch, int vocabularyLimit)
    {
        using var scope = NewDisposeScope();
        var hidden = model.Hidden(batch.Ids, AttentionMask.Positions(batch.Valid), AttentionMask.ForRows(batch.Valid));
        var predicting = hidden.reshape(-1, hidden.shape[^1]).index_select(0, batch.PredictingPositions);
        var logits = TokenSampler.Decodable(model.Logits(predicting), vocabularyLimit);
        var logNormaliser = logits.logsumexp(-1);
        var logProbs = logits.gather(-1, batch.Targets.unsqueeze(-1)).squeeze(-1) - logNormaliser;
        // H = −Σ p·log p = logsumexp(l) − Σ p·l: one probability-sized temporary instead of log p and p both.
        var entropy = logNormaliser - (logits.softmax(-1) * logits).sum(-1);
        return (logProbs.MoveToOuterDisposeScope(), entropy.MoveToOuterDisposeScope());
    }
}
