using AbsoluteZero.Evaluation.Statistics;

namespace AbsoluteZero.Evaluation.Tests.Statistics;

public class BootstrapIntervalTests
{
    private static double[] Verdicts(int correct, int total) =>
        Enumerable.Range(0, total).Select(i => i < correct ? 1.0 : 0.0).ToArray();

    [Theory]
    [InlineData(4, 30)]
    [InlineData(15, 30)]
    [InlineData(21, 40)]
    [InlineData(372, 500)]
    [InlineData(1, 272)]
    public void The_interval_contains_the_mean(int correct, int total)
    {
        var score = BootstrapInterval.Compute(Verdicts(correct, total));
        Assert.Equal(total, score.N);
        Assert.Equal(correct / (double)total, score.Mean, 12);
        Assert.InRange(score.Mean, score.Lower, score.Upper);
        Assert.True(score.Lower < score.Upper);
        Assert.InRange(score.Lower, 0, 1);
        Assert.InRange(score.Upper, 0, 1);
    }

    [Fact]
    public void A_thirty_problem_score_is_wide_and_a_larger_set_narrower()
    {
        // AIME-sized: 4/30 = 13.3%; the normal approximation gives ±12 points.
        var aime = BootstrapInterval.Compute(Verdicts(4, 30));
        Assert.InRange(aime.Lower, 0.0, 0.05);
        Assert.InRange(aime.Upper, 0.24, 0.30);
        var math500 = BootstrapInterval.Compute(Verdicts(67, 500));
        Assert.True(math500.Upper - math500.Lower < (aime.Upper - aime.Lower) / 3);
    }

    [Fact]
    public void The_same_seed_gives_the_same_interval_and_another_seed_a_close_one()
    {
        var scores = Verdicts(13, 40);
        Assert.Equal(BootstrapInterval.Compute(scores), BootstrapInterval.Compute(scores));
        var other = BootstrapInterval.Compute(scores, seed: 99);
        Assert.InRange(other.Lower, BootstrapInterval.Compute(scores).Lower - 0.03, BootstrapInterval.Compute(scores).Lower + 0.03);
    }

    [Fact]
    public void All_correct_or_all_wrong_collapse_to_a_point()
    {
        Assert.Equal(new ScoreWithInterval(30, 1, 1, 1), BootstrapInterval.Compute(Verdicts(30, 30)));
        Assert.Equal(new ScoreWithInterval(30, 0, 0, 0), BootstrapInterval.Compute(Verdicts(0, 30)));
    }

    [Fact]
    public void Fractional_scores_such_as_pass_at_k_per_problem_are_accepted()
    {
        var score = BootstrapInterval.Compute([0.25, 0.5, 1.0, 0.0, 0.75]);
        Assert.Equal(0.5, score.Mean, 12);
        Assert.InRange(score.Mean, score.Lower, score.Upper);
    }

    [Fact]
    public void Rejects_an_empty_set() => Assert.Throws<ArgumentException>(() => BootstrapInterval.Compute([]));

    [Fact]
    public void Accuracy_is_the_fraction_correct() => Assert.Equal(0.75, Accuracy.Mean([true, true, false, true]));
}
