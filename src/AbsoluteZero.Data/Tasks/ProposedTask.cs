using AbsoluteZero.Core.Tasks;

namespace AbsoluteZero.Data.Tasks;

/// <summary>
/// A task the proposer made (or a seed task) and what became of it. Rows are never copied: a run's task buffer at
/// step s is the query "tasks of this run added at step ≤ s" (valid ones).
/// </summary>
public sealed class ProposedTask
{
    public long Id { get; set; }

    public long RunId { get; set; }

    /// <summary>The training step whose proposals added it; 0 for seeding.</summary>
    public int Step { get; set; }

    public TaskType TaskType { get; set; }

    /// <summary>Where the task came from: <c>seed</c> (seeding round or seed file) or <c>proposed</c>.</summary>
    public required string Origin { get; set; }

    /// <summary>The proposer's side as jsonb: <c>format_ok</c>, its <c>thought</c> and the raw <c>response</c> (null for seeds).</summary>
    public string? ProposerDetail { get; set; }

    public required string Program { get; set; }

    /// <summary>Deduction/abduction: the argument string of the one call <c>f(&lt;input&gt;)</c>.</summary>
    public string? Input { get; set; }

    /// <summary>Deduction/abduction: <c>repr(f(input))</c> as the sandbox produced it.</summary>
    public string? Output { get; set; }

    /// <summary>Induction: every input the proposer gave, as a jsonb array of argument strings.</summary>
    public string? Inputs { get; set; }

    /// <summary>Induction: the output repr of each input, as a jsonb array.</summary>
    public string? Outputs { get; set; }

    /// <summary>Induction: the proposer's message to the solver.</summary>
    public string? Message { get; set; }

    public bool Valid { get; set; }

    /// <summary>
    /// The task entered its buffer: valid, and neither dropped by a full buffer nor for a solver prompt over the limit.
    /// Seeds are in their buffers. A buffer snapshot is made of these rows only.
    /// </summary>
    public bool AddedToBuffer { get; set; }

    /// <summary>Import lines of the program as a jsonb array of strings (the seed format's <c>imports</c>).</summary>
    public string? Imports { get; set; }

    /// <summary>Why an invalid proposal was rejected (format, syntax, forbidden, nondeterministic, …).</summary>
    public string? FailureReason { get; set; }

    /// <summary>The learnability estimate: mean solver accuracy over N samples; null until estimated.</summary>
    public double? SolveRate { get; set; }

    public double? ProposerReward { get; set; }

    /// <summary>The solver's answers with their grades, as a jsonb array.</summary>
    public string? SolverAnswers { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
}
