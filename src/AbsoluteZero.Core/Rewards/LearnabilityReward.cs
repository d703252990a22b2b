using AbsoluteZero.Core.Configuration;

namespace AbsoluteZero.Core.Rewards;

/// <summary>
/// The proposer's learnability reward (paper Eq. 4, AZR.md §3.1/§3.3): <c>1 − s</c> for a task the solver
/// sometimes solves; a task solved always or never teaches nothing and gets <see cref="RewardSettings.ProposerExtremeReward"/>
/// (the reference code's −0.5, the paper's 0).
/// </summary>
public static class LearnabilityReward
{
    /// <param name="solveRate">Mean binary score of the N solver samples, in [0, 1].</param>
    public static double Compute(double solveRate, RewardSettings settings)
    {
        if (double.IsNaN(solveRate) || solveRate < 0 || solveRate > 1)
            throw new ArgumentOutOfRangeException(nameof(solveRate), solveRate, "a solve rate is in [0, 1]");
        var reward = solveRate > 0 ? 1 - solveRate : 0;
        return reward > 0 ? reward : settings.ProposerExtremeReward;
    }
}
