using AbsoluteZero.Core.Configuration;

namespace AbsoluteZero.Core.Rewards;

/// <summary>
/// The composite reward each trained response receives (AZR.md §3.3, the reference's <c>CodeIORewardManager</c>).
/// Validity and format are judged separately: a valid proposal that fails the format check still enters its buffer
/// but is rewarded with the format penalty.
/// </summary>
public static class RoleRewards
{
    /// <summary>Proposer: the format penalty when invalid or unformatted, else the learnability reward of its solve rate.</summary>
    public static double Proposer(bool valid, bool formatOk, double solveRate, RewardSettings settings) =>
        valid && formatOk ? LearnabilityReward.Compute(solveRate, settings) : settings.FormatPenalty;

    /// <summary>
    /// Solver: the format penalty when unformatted or when no answer could be parsed (an induction answer without a
    /// code block, which the reference scores as a format failure), 1 when correct, else the wrong-answer reward.
    /// </summary>
    public static double Solver(bool formatOk, bool parsed, bool correct, RewardSettings settings) =>
        !formatOk || !parsed ? settings.FormatPenalty
        : correct ? 1.0
        : settings.SolverWrongReward;

    /// <summary>
    /// Token-level rewards of one response: zero everywhere except the last token, which carries the sequence's
    /// reward. An empty response has no token to carry it (the reference would write it onto padding).
    /// </summary>
    public static double[] OnLastToken(int responseTokens, double reward)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(responseTokens);
        var rewards = new double[responseTokens];
        if (responseTokens > 0)
            rewards[^1] = reward;
        return rewards;
    }
}
