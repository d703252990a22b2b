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

    /// <summary>The prompt the model was given (the problem, in the run's prompt style).</summary>
    public string? Prompt { get; set; }

    public required string Completion { get; set; }

    /// <summary>The program that was run (code) or the final answer found (math); null when the response held none.</summary>
    public string? ExtractedAnswer { get; set; }

    /// <summary>The reference answer (math benchmarks).</summary>
    public string? Reference { get; set; }

    public bool Passed { get; set; }

    /// <summary>HumanEval+/MBPP+: the base tests passed; null for other benchmarks.</summary>
    public bool? BasePassed { get; set; }

    /// <summary>HumanEval+/MBPP+: base and plus tests passed; null for other benchmarks.</summary>
    public bool? PlusPassed { get; set; }

    /// <summary>The response ran out of new tokens before it ended.</summary>
    public bool Truncated { get; set; }

    /// <summary>Why it failed: the failing test, the mismatching answer, a timeout.</summary>
    public string? FailureDetail { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
}
