namespace AbsoluteZero.Data.Runs;

/// <summary>
/// One value of one metric at one step. The key (run, name, step) makes a resumed run unable to write a point twice.
/// </summary>
public sealed class MetricPoint
{
    public long RunId { get; set; }

    public required string Name { get; set; }

    public int Step { get; set; }

    public double Value { get; set; }

    public DateTimeOffset WallTime { get; set; }
}
