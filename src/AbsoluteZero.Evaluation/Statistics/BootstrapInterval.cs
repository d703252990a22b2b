namespace AbsoluteZero.Evaluation.Statistics;

/// <summary>A score with its uncertainty: the mean over problems and a 95% bootstrap interval (fractions in 0–1).</summary>
public sealed record ScoreWithInterval(int N, double Mean, double Lower, double Upper);

/// <summary>
/// Percentile bootstrap over problems: resample the per-problem scores with replacement, take the mean each time,
/// report the 2.5th and 97.5th percentiles. Seeded, so the same scores always give the same interval; a 30-problem
/// AIME score of 13.3% spans roughly 3–27%, which is why every score carries one.
/// </summary>
public static class BootstrapInterval
{
    public const int DefaultResamples = 10_000;
    public const int DefaultSeed = 1234;

    public static ScoreWithInterval Compute(IReadOnlyList<double> perProblemScores, int resamples = DefaultResamples, int seed = DefaultSeed, double confidence = 0.95)
    {
        if (perProblemScores.Count == 0)
            throw new ArgumentException("no problems to score", nameof(perProblemScores));
        if (resamples < 1)
            throw new ArgumentOutOfRangeException(nameof(resamples), resamples, "need at least one resample");
        if (confidence is <= 0 or >= 1)
            throw new ArgumentOutOfRangeException(nameof(confidence), confidence, "confidence must be between 0 and 1");

        var n = perProblemScores.Count;
        var mean = perProblemScores.Average();
        var random = new Random(seed);
        var means = new double[resamples];
        for (var r = 0; r < resamples; r++)
        {
            var sum = 0.0;
            for (var i = 0; i < n; i++)
                sum += perProblemScores[random.Next(n)];
            means[r] = sum / n;
        }

        Array.Sort(means);
        var tail = (1 - confidence) / 2;
        return new ScoreWithInterval(n, mean, Percentile(means, tail), Percentile(means, 1 - tail));
    }

    /// <summary>Linear interpolation between closest ranks (numpy's default percentile).</summary>
    private static double Percentile(double[] sorted, double fraction)
    {
        var position = fraction * (sorted.Length - 1);
        var low = (int)Math.Floor(position);
        var high = Math.Min(low + 1, sorted.Length - 1);
        return sorted[low] + (position - low) * (sorted[high] - sorted[low]);
    }
}
