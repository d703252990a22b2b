namespace AbsoluteZero.Web.Components.Charts;

/// <summary>One line (or stacked bar) of a chart; <see cref="Dash"/> in pixels (e.g. [6, 3]), <see cref="Legend"/> false hides it from the legend.</summary>
public sealed record ChartSeries(string Label, string Color, double Width = 1.5, double Alpha = 1, double[]? Dash = null, bool Legend = true);

/// <summary>A shaded band between two series (indices into <see cref="ChartSpec.Series"/>), e.g. a bucket's min and max.</summary>
public sealed record ChartBand(int Upper, int Lower, string Fill);

/// <summary>What a <see cref="UPlotChart"/> draws; serialized to charts.js as is (camelCase).</summary>
public sealed record ChartSpec(string Title, IReadOnlyList<ChartSeries> Series)
{
    /// <summary>X values are Unix seconds and the axis shows dates; otherwise steps.</summary>
    public bool Time { get; init; }

    /// <summary>Series are stacked bars (stage timings), bottom series first.</summary>
    public bool Stacked { get; init; }

    public string? XLabel { get; init; }

    public string? YLabel { get; init; }

    public int Height { get; init; } = 220;

    public IReadOnlyList<ChartBand> Bands { get; init; } = [];

    /// <summary>Charts with the same key share the cursor.</summary>
    public string? Sync { get; init; }
}

/// <summary>Columns as uPlot wants them: one X array and, per series, one value (or null) per X.</summary>
public sealed record ChartData(List<double> X, List<List<double?>> Y)
{
    public static ChartData Empty(int series) => new([], Enumerable.Range(0, series).Select(_ => new List<double?>()).ToList());
}
