using AbsoluteZero.Evaluation.Statistics;

namespace AbsoluteZero.Evaluation.Tests.Statistics;

public class PassAtKTests
{
    [Theory]
    [InlineData(1, 1, 1, 1.0)]
    [InlineData(1, 0, 1, 0.0)]
    [InlineData(10, 3, 1, 0.3)]
    [InlineData(10, 0, 5, 0.0)]
    [InlineData(10, 10, 10, 1.0)]
    [InlineData(5, 2, 2, 0.7)] // 1 - C(3,2)/C(5,2) = 1 - 3/10
    [InlineData(10, 5, 5, 0.996031746031746)] // 1 - C(5,5)/C(10,5) = 1 - 1/252
    [InlineData(20, 1, 10, 0.5)] // 1 - C(19,10)/C(20,10) = 10/20
    [InlineData(4, 2, 3, 1.0)] // fewer than k wrong samples: every k-subset has a correct one
    public void Matches_the_combinatorial_definition(int n, int c, int k, double expected) =>
        Assert.Equal(expected, PassAtK.Estimate(n, c, k), 12);

    [Fact]
    public void Stays_finite_where_the_binomials_overflow()
    {
        // C(1000, 500) has ~300 digits; the product form never builds it.
        var value = PassAtK.Estimate(1000, 1, 500);
        Assert.Equal(0.5, value, 12);
        Assert.InRange(PassAtK.Estimate(2000, 3, 100), 0.14, 0.15);
    }

    [Fact]
    public void Pass_at_1_is_the_fraction_correct_and_grows_with_k()
    {
        Assert.Equal(0.25, PassAtK.Estimate(16, 4, 1), 12);
        var previous = 0.0;
        for (var k = 1; k <= 16; k++)
        {
            var value = PassAtK.Estimate(16, 4, k);
            Assert.True(value >= previous);
            previous = value;
        }
    }

    [Fact]
    public void The_benchmark_value_is_the_mean_over_problems() =>
        Assert.Equal((1.0 + 0.0 + 0.7) / 3, PassAtK.Mean([(5, 5), (5, 0), (5, 2)], 2), 12);

    [Theory]
    [InlineData(0, 0, 1)]
    [InlineData(5, 6, 1)]
    [InlineData(5, -1, 1)]
    [InlineData(5, 2, 0)]
    [InlineData(5, 2, 6)]
    public void Rejects_impossible_counts(int n, int c, int k) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => PassAtK.Estimate(n, c, k));
}
