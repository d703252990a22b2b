using AbsoluteZero.Data.Runs;

namespace AbsoluteZero.Web.Components.Shared;

/// <summary>How the UI writes times, durations and sizes: UTC, short, the same on every page.</summary>
public static class Show
{
    public static string When(DateTimeOffset? at) => at is { } t ? t.UtcDateTime.ToString("yyyy-MM-dd HH:mm") : "—";

    public static string WhenExact(DateTimeOffset? at) => at is { } t ? t.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss") + " UTC" : "—";

    public static string Duration(TimeSpan? span)
    {
        if (span is not { } d || d < TimeSpan.Zero)
            return "—";
        if (d.TotalMinutes < 1)
            return $"{d.Seconds}s";
        if (d.TotalHours < 1)
            return $"{d.Minutes}m {d.Seconds:00}s";
        if (d.TotalDays < 1)
            return $"{(int)d.TotalHours}h {d.Minutes:00}m";
        return $"{(int)d.TotalDays}d {d.Hours}h";
    }

    /// <summary>How long the run has been running (or ran); null before it started.</summary>
    public static TimeSpan? RunTime(Run run, DateTimeOffset now) =>
        run.StartedAt is { } started ? (run.FinishedAt ?? now) - started : null;

    /// <summary>Time left at the pace so far; null until a step is done or once finished.</summary>
    public static TimeSpan? Eta(Run run, DateTimeOffset now)
    {
        if (run.Status != RunStatus.Running || run.StartedAt is not { } started || run.CurrentStep <= 0 || run.TotalSteps is not { } total)
            return null;
        var perStep = (now - started) / run.CurrentStep;
        return perStep * Math.Max(0, total - run.CurrentStep);
    }

    public static double Progress(Run run) =>
        run.TotalSteps is { } total && total > 0 ? Math.Clamp(100.0 * run.CurrentStep / total, 0, 100) : 0;

    public static string Bytes(long bytes) => bytes switch
    {
        < 1024 => $"{bytes} B",
        < 1024 * 1024 => $"{bytes / 1024.0:0.#} KiB",
        < 1024L * 1024 * 1024 => $"{bytes / (1024.0 * 1024):0.#} MiB",
        _ => $"{bytes / (1024.0 * 1024 * 1024):0.##} GiB",
    };

    public static string Lower(Enum value) => AbsoluteZero.Core.Json.AzrJson.Options.PropertyNamingPolicy!.ConvertName(value.ToString());
}
