namespace AbsoluteZero.Data.Runs;

/// <summary>One line of a run's log as its trainer wrote it (seeding summary, checkpoints, warnings, errors).</summary>
public sealed class RunLogLine
{
    public long Id { get; set; }

    public long RunId { get; set; }

    public DateTimeOffset At { get; set; }

    /// <summary><c>info</c>, <c>warning</c> or <c>error</c>.</summary>
    public required string Level { get; set; }

    public required string Message { get; set; }
}
