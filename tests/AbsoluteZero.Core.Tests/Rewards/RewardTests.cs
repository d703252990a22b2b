using AbsoluteZero.Core.Configuration;
using AbsoluteZero.Core.Rewards;

namespace AbsoluteZero.Core.Tests.Rewards;

public class RewardTests
{
    private static readonly RewardSettings Reference = new();
    private static readonly RewardSettings PaperZero = new() { ProposerExtremeReward = 0 };

    [Theory]
    [InlineData(0.0, -0.5)]
    [InlineData(1.0, -0.5)]
    [InlineData(0.125, 0.875)]
    [InlineData(0.5, 0.5)]
    [InlineData(0.875, 0.125)]
    public void Learnability_is_one_minus_s_with_the_code_s_minus_half_at_the_extremes(double s, double reward) =>
        Assert.Equal(reward, LearnabilityReward.Compute(s, Reference));

    [Theory]
    [InlineData(0.0)]
    [InlineData(1.0)]
    public void The_paper_s_zero_at_the_extremes_is_an_option(double s) =>
        Assert.Equal(0.0, LearnabilityReward.Compute(s, PaperZero));

    [Fact]
    public void A_solve_rate_outside_zero_one_is_refused() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => LearnabilityReward.Compute(1.5, Reference));

    [Theory]
    [InlineData(false, true, 0.5, -1.0)]
    [InlineData(true, false, 0.5, -1.0)]
    [InlineData(false, false, 0.5, -1.0)]
    [InlineData(true, true, 0.25, 0.75)]
    [InlineData(true, true, 1.0, -0.5)]
    public void Proposer_composite(bool valid, bool formatOk, double s, double reward) =>
        Assert.Equal(reward, RoleRewards.Proposer(valid, formatOk, s, Reference));

    [Theory]
    [InlineData(false, true, true, -1.0)]
    [InlineData(true, false, false, -1.0)]
    [InlineData(true, true, true, 1.0)]
    [InlineData(true, true, false, -0.5)]
    public void Solver_composite(bool formatOk, bool parsed, bool correct, double reward) =>
        Assert.Equal(reward, RoleRewards.Solver(formatOk, parsed, correct, Reference));

    [Fact]
    public void The_reward_sits_on_the_last_response_token()
    {
        Assert.Equal([0.0, 0.0, 0.75], RoleRewards.OnLastToken(3, 0.75));
        Assert.Equal([-1.0], RoleRewards.OnLastToken(1, -1.0));
        Assert.Empty(RoleRewards.OnLastToken(0, 1.0));
    }
}
