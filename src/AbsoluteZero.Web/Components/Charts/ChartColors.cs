namespace AbsoluteZero.Web.Components.Charts;

/// <summary>
/// Colours that carry meaning: one hue per task type in every chart, the solver dashed beside the proposer, and a
/// fixed palette for everything else (stages, runs).
/// </summary>
public static class ChartColors
{
    public static readonly string[] Palette = ["#3949ab", "#e65100", "#2e7d32", "#8e24aa", "#00838f", "#c62828", "#6d4c41", "#546e7a", "#f9a825", "#ad1457"];

    private static readonly Dictionary<string, string> TaskTypes = new(StringComparer.Ordinal)
    {
        ["deduction"] = "#3949ab",
        ["abduction"] = "#e65100",
        ["induction"] = "#2e7d32",
    };

    /// <summary>The series for a metric label such as <c>solve deduction</c>: the type's hue, dashed for the solver.</summary>
    public static ChartSeries For(string label, int index)
    {
        var words = label.Split([' ', '/'], StringSplitOptions.RemoveEmptyEntries);
        var color = words.Select(w => TaskTypes.GetValueOrDefault(w)).FirstOrDefault(c => c is not null) ?? Palette[index % Palette.Length];
        return new ChartSeries(label, color, Dash: words.Contains("solve") ? [6, 3] : null);
    }
}
