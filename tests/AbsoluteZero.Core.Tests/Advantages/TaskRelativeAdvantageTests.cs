using AbsoluteZero.Core.Advantages;
using AbsoluteZero.Core.Tasks;

namespace AbsoluteZero.Core.Tests.Advantages;

public class TaskRelativeAdvantageTests
{
    [Fact]
    public void Whitens_each_task_role_batch_over_its_tokens_with_unbiased_variance()
    {
        // Batch A (deduction solver): rewards 1 (3 tokens) and −0.5 (1 token).
        //   token mean = (3·1 − 0.5)/4 = 0.625; Σ L(R−μ)² = 3·0.375² + 1.125² = 1.6875; var = 1.6875/3 = 0.5625.
        //   A = 0.375/√(0.5625+1e−8) ≈ 0.5, −1.125/… ≈ −1.5. (A per-sequence mean would be 0.25: length matters.)
        // Batch B (abduction proposer), interleaved with A: rewards −1 (2), 0.5 (2), −0.5 (4).
        //   mean = −3/8 = −0.375; Σ = 2·0.625² + 2·0.875² + 4·0.125² = 2.375; var = 2.375/7 ≈ 0.339286.
        var sequences = new[]
        {
            new ScoredSequence(TaskType.Deduction, Role.Solve, 1.0, 3),
            new ScoredSequence(TaskType.Abduction, Role.Propose, -1.0, 2),
            new ScoredSequence(TaskType.Deduction, Role.Solve, -0.5, 1),
            new ScoredSequence(TaskType.Abduction, Role.Propose, 0.5, 2),
            new ScoredSequence(TaskType.Abduction, Role.Propose, -0.5, 4),
        };

        var result = TaskRelativeAdvantage.Compute(sequences);

        Assert.Equal(0.4999999955555556, result.Advantages[0], 12);
        Assert.Equal(-1.499999986666667, result.Advantages[2], 12);
        Assert.Equal(-1.0729938282861498, result.Advantages[1], 12);
        Assert.Equal(1.5021913596006096, result.Advantages[3], 12);
        Assert.Equal(-0.21459876565722993, result.Advantages[4], 12);

        var a = result.Batches.Single(b => b.TaskType == TaskType.Deduction);
        Assert.Equal((Role.Solve, 2, 4L, 0.625, 0.5625), (a.Role, a.Sequences, a.Tokens, a.Mean, a.Variance));
        var b = result.Batches.Single(b => b.TaskType == TaskType.Abduction);
        Assert.Equal((Role.Propose, 3, 8L, -0.375), (b.Role, b.Sequences, b.Tokens, b.Mean));
        Assert.Equal(2.375 / 7, b.Variance, 15);
    }

    [Fact]
    public void Same_type_different_role_is_a_different_baseline()
    {
        var result = TaskRelativeAdvantage.Compute(
        [
            new ScoredSequence(TaskType.Induction, Role.Propose, 1.0, 1),
            new ScoredSequence(TaskType.Induction, Role.Propose, 0.0, 1),
            new ScoredSequence(TaskType.Induction, Role.Solve, 5.0, 1),
            new ScoredSequence(TaskType.Induction, Role.Solve, 3.0, 1),
        ]);
        Assert.Equal(2, result.Batches.Count);
        Assert.True(result.Advantages[0] > 0 && result.Advantages[1] < 0);
        // If the solver batch shared the proposer's baseline, both of its sequences would be positive.
        Assert.True(result.Advantages[2] > 0 && result.Advantages[3] < 0);
        Assert.Equal(-result.Advantages[2], result.Advantages[3], 12);
    }

    [Fact]
    public void Equal_rewards_a_single_token_and_empty_responses_give_zero_not_nan()
    {
        var equal = TaskRelativeAdvantage.Compute(
        [
            new ScoredSequence(TaskType.Deduction, Role.Solve, -0.5, 7),
            new ScoredSequence(TaskType.Deduction, Role.Solve, -0.5, 2),
        ]);
        Assert.All(equal.Advantages, a => Assert.Equal(0.0, a));

        var single = TaskRelativeAdvantage.Compute([new ScoredSequence(TaskType.Abduction, Role.Solve, 1.0, 1)]);
        Assert.Equal(0.0, single.Advantages[0]);
        Assert.Equal(0.0, single.Batches[0].Variance);

        var empty = TaskRelativeAdvantage.Compute(
        [
            new ScoredSequence(TaskType.Abduction, Role.Solve, 1.0, 0),
            new ScoredSequence(TaskType.Abduction, Role.Solve, -1.0, 0),
        ]);
        Assert.All(empty.Advantages, a => Assert.False(double.IsNaN(a)));
        Assert.Equal(0L, empty.Batches[0].Tokens);
    }

    [Fact]
    public void A_non_finite_reward_is_refused()
    {
        var e = Assert.Throws<ArgumentException>(() => TaskRelativeAdvantage.Compute([new ScoredSequence(TaskType.Abduction, Role.Solve, double.NaN, 3)]));
        Assert.Contains("pred_code_i", e.Message);
    }
}
