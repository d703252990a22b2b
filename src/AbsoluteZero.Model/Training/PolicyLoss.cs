using static TorchSharp.torch;

namespace AbsoluteZero.Model.Training;

/// <summary>One micro-batch's loss terms (scalars; <see cref="Loss"/> carries the graph).</summary>
public sealed record PolicyLossTerms(Tensor Loss, Tensor PgLoss, Tensor Entropy, Tensor ClipFraction);

/// <summary>
/// AZR.md §4.2 (veRL <c>compute_policy_loss</c>): per token max(−A·r, −A·clip(r, 1−ε, 1+ε)), token-mean over the
/// micro-batch, minus the entropy coefficient times the token-mean entropy; no KL term.
/// The old log-probs are the current ones detached: the reference recomputes them with the same weights right before
/// its single update, so r = exp(logp − sg(logp)) is exactly 1 in value and its gradient is ∇logp — the same update
/// without a second forward. Clipping therefore never binds and the reported clip fraction is honestly 0.
/// </summary>
public static class PolicyLoss
{
    public static PolicyLossTerms Compute(Tensor logProbs, Tensor entropies, Tensor advantages, double clipRatio, double entropyCoeff)
    {
        using var scope = NewDisposeScope();
        var ratio = (logProbs - logProbs.detach()).exp();
        var unclipped = -advantages * ratio;
        var clipped = -advantages * ratio.clamp(1.0 - clipRatio, 1.0 + clipRatio);
        var pgLoss = maximum(unclipped, clipped).mean();
        var entropy = entropies.mean();
        var clipFraction = clipped.gt(unclipped).to_type(ScalarType.Float32).mean();
        var loss = pgLoss - entropyCoeff * entropy;
        return new PolicyLossTerms(loss.MoveToOuterDisposeScope(), pgLoss.detach().MoveToOuterDisposeScope(),
            entropy.detach().MoveToOuterDisposeScope(), clipFraction.MoveToOuterDisposeScope());
    }
}
