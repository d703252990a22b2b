namespace AbsoluteZero.Evaluation.Statistics;

/// <summary>
/// The unbiased pass@k estimator of Chen et al. (2021): with n samples of which c are correct,
/// pass@k = 1 − C(n−c, k) / C(n, k), computed as 1 − ∏_{i=n−c+1}^{n} (1 − k/i) so it never forms the huge binomials.
/// </summary>
public static class PassAtK
{
    public static double Estimate(int samples, int correct, int k)
    {
        if (samples < 1)
            throw new ArgumentOutOfRangeException(nameof(samples), samples, "need at least one sample");
        if (correct < 0 || correct > samples)
            throw new ArgumentOutOfRangeException(nameof(correct), correct, $"correct must be between 0 and {samples}");
        if (k < 1 || k > samples)
            throw new ArgumentOutOfRangeException(nameof(k), k, $"k must be between 1 and the sample count {samples}");
        if (samples - correct < k)
            return 1.0;
        var allWrong = 1.0;
        for (var i = samples - correct + 1; i <= samples; i++)
            allWrong *= 1.0 - (double)k / i;
        return 1.0 - allWrong;
    }

    /// <summary>The benchmark's pass@k: the mean over problems of each problem's estimate.</summary>
    public static double Mean(IReadOnlyList<(int Samples, int Correct)> problems, int k)
    {
        if (problems.Count == 0)
            throw new ArgumentException("no problems", nameof(problems));
        return problems.Average(p => Estimate(p.Samples, p.Correct, k));
    }
}
