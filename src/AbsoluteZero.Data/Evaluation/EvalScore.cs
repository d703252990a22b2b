namespace AbsoluteZero.Data.Evaluation;

/// <summary>One aggregate of an evaluation run (e.g. humaneval-plus pass@1) with its sample count and 95% CI.</summary>
public sealed class EvalScore
{
    public long Id { get; set; }

    public long RunId { get; set; }

    public required string Benchmark { get; set; }

    /// <summary><c>pass@1</c>, <c>pass@k</c>, <c>accuracy</c>, …</summary>
    public required string Metric { get; set; }

    public double Value { get; set; }

    /// <summary>Problems the value is over.</summary>
    public int N { get; set; }

    public double? CiLow { get; set; }

    public double? CiHigh { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
}
