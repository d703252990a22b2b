using System.Text.RegularExpressions;

namespace AbsoluteZero.Web.Components.Charts;

/// <summary>
/// One chart of a run's Overview: the metrics whose names match <see cref="Pattern"/> (its <c>label</c> group names the
/// series), in <see cref="Order"/> when given. Metric names are the trainer's (issue #6: <c>propose/{type}/…</c>,
/// <c>solve/{type}/…</c>, <c>actor/…</c>, <c>buffer/{type}/size</c>, <c>timing/…</c>).
/// </summary>
public sealed record OverviewChart(string Title, Regex Pattern, string? YLabel = null, bool Stacked = false, string[]? Order = null)
{
    public string? LabelOf(string metric)
    {
        var match = Pattern.Match(metric);
        return match.Success ? match.Groups["label"].Value.Replace('/', ' ') : null;
    }

    /// <summary>Sort key of a series: its place in <see cref="Order"/>, else alphabetical after the ordered ones.</summary>
    public (int, string) SortKey(string label) =>
        (Order is null ? 0 : Array.IndexOf(Order, label) is var i and >= 0 ? i : Order.Length, label);
}

public static partial class OverviewCharts
{
    /// <summary>The Overview tab's charts, top to bottom.</summary>
    public static readonly IReadOnlyList<OverviewChart> All =
    [
        new("Reward per task × role", RewardPattern(), "mean reward"),
        new("Solver accuracy", AccuracyPattern(), "accuracy"),
        new("Proposal valid rate", ValidRatePattern(), "valid / proposed"),
        new("Learnability: solve rate of proposals", LearnabilityPattern(), "mean solve rate"),
        new("Response length", ResponseLengthPattern(), "tokens"),
        new("Entropy", EntropyPattern()),
        new("Gradient norm", GradNormPattern()),
        new("Buffer sizes", BufferPattern(), "tasks"),
        new("Stage timings", TimingPattern(), "seconds", Stacked: true, Order: ["generate", "execute", "reward", "update"]),
    ];

    [GeneratedRegex(@"^(?<label>(propose|solve)/[^/]+)/reward_mean$")]
    private static partial Regex RewardPattern();

    [GeneratedRegex(@"^(?<label>solve/[^/]+)/accuracy$")]
    private static partial Regex AccuracyPattern();

    [GeneratedRegex(@"^(?<label>propose/[^/]+)/valid_rate$")]
    private static partial Regex ValidRatePattern();

    [GeneratedRegex(@"^(?<label>propose/[^/]+)/solve_rate_mean$")]
    private static partial Regex LearnabilityPattern();

    [GeneratedRegex(@"^response_length/(?<label>mean|max)$")]
    private static partial Regex ResponseLengthPattern();

    [GeneratedRegex(@"^actor/(?<label>entropy)$")]
    private static partial Regex EntropyPattern();

    [GeneratedRegex(@"^actor/(?<label>grad_norm)$")]
    private static partial Regex GradNormPattern();

    [GeneratedRegex(@"^buffer/(?<label>[^/]+)/size$")]
    private static partial Regex BufferPattern();

    [GeneratedRegex(@"^timing/(?<label>generate|execute|reward|update)$")]
    private static partial Regex TimingPattern();
}
