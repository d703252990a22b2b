using AbsoluteZero.Web.Training;

namespace AbsoluteZero.Web.Components.Charts;

/// <summary>How the charts draw a server-side bucketed series: the last value of each bucket as the line, min and max as a band.</summary>
public static class BucketLines
{
    /// <summary>Buckets per chart: about one per horizontal pixel pair of a wide chart.</summary>
    public const int PerChart = 600;

    public static MetricLine Last(string label, BucketedSeries? series, Func<MetricBucket, double> x) =>
        new(label, series?.Buckets.Select(b => (x(b), b.Last)).ToList() ?? []);

    public static MetricLine Min(string label, BucketedSeries? series, Func<MetricBucket, double> x) =>
        new(label, series?.Buckets.Select(b => (x(b), b.Min)).ToList() ?? []);

    public static MetricLine Max(string label, BucketedSeries? series, Func<MetricBucket, double> x) =>
        new(label, series?.Buckets.Select(b => (x(b), b.Max)).ToList() ?? []);

    /// <summary>Whether any bucket merged several points, so a min–max band says something.</summary>
    public static bool HasSpread(BucketedSeries? series) => series?.Buckets.Any(b => b.Count > 1) == true;
}
