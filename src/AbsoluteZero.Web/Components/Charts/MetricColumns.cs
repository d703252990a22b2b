namespace AbsoluteZero.Web.Components.Charts;

/// <summary>One named series of (x, y) points in x order, as read from the metrics table.</summary>
public sealed record MetricLine(string Label, IReadOnlyList<(double X, double Y)> Points);

public static class MetricColumns
{
    /// <summary>Aligns lines on the union of their x values; a line without a point at some x gets null there.</summary>
    public static ChartData Align(IReadOnlyList<MetricLine> lines)
    {
        var xs = lines.SelectMany(l => l.Points.Select(p => p.X)).Distinct().Order().ToList();
        var index = xs.Select((x, i) => (x, i)).ToDictionary(p => p.x, p => p.i);
        var ys = new List<List<double?>>(lines.Count);
        foreach (var line in lines)
        {
            var column = new List<double?>(new double?[xs.Count]);
            foreach (var (x, y) in line.Points)
                column[index[x]] = double.IsFinite(y) ? y : null;
            ys.Add(column);
        }

        return new ChartData(xs, ys);
    }

    /// <summary>
    /// TensorBoard's debiased exponential moving average (weight 0 = raw, 0.99 = very smooth): the first points are
    /// not pulled towards zero, and gaps (null) stay gaps without resetting the average.
    /// </summary>
    public static List<double?> Ema(IReadOnlyList<double?> values, double weight)
    {
        if (weight <= 0)
            return values.ToList();
        var smoothed = new List<double?>(values.Count);
        double last = 0;
        var count = 0;
        foreach (var value in values)
        {
            if (value is not { } v)
            {
                smoothed.Add(null);
                continue;
            }

            last = last * weight + (1 - weight) * v;
            count++;
            smoothed.Add(last / (1 - Math.Pow(weight, count)));
        }

        return smoothed;
    }
}
