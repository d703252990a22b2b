namespace AbsoluteZero.Data.Evaluation;

/// <summary>One completion of one problem in an evaluation run, kept so a score can be drilled down to samples.</summary>
public sealed class EvalSample
{
    public long Id { get; set; }

    public long RunId { get; set; }

    public required string Benchmark { get; set; }

    public required string ProblemId { get; set; }

    /// <summary>0 for greedy decoding; 0..n-1 for pass@k sampling.</summary>
    public int SampleIndex { get; set; }

    public required string Completion { get; set; }

    public string? ExtractedAnswer { get; set; }

    public bool Passed { get; set; }

    /// <summary>Why it failed: the failing test, the mismatching answer, a timeout.</summary>
    public string? FailureDetail { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
}
