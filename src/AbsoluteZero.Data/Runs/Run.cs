namespace AbsoluteZero.Data.Runs;

/// <summary>One training or evaluation run: what was asked (config), where it runs (queue, job, worker) and how it went.</summary>
public sealed class Run
{
    public long Id { get; set; }

    public required string Name { get; set; }

    public RunKind Kind { get; set; }

    public RunStatus Status { get; set; } = RunStatus.Queued;

    /// <summary>The preset the config started from; null when none was named.</summary>
    public string? Preset { get; set; }

    /// <summary>
    /// The bound config as jsonb: a <c>RunConfig</c> for training, an <c>EvalConfig</c> for evaluation, serialized with
    /// <c>AzrJson</c> (snake_case) so it reads the same in SQL, REST and the CLI.
    /// </summary>
    public required string Config { get; set; }

    /// <summary>The Hangfire queue (GPU class) the run's job was enqueued on.</summary>
    public required string Queue { get; set; }

    /// <summary>User name of whoever submitted the run.</summary>
    public required string Owner { get; set; }

    public List<string> Tags { get; set; } = [];

    public string? Notes { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset? StartedAt { get; set; }

    public DateTimeOffset? FinishedAt { get; set; }

    /// <summary>The last step the trainer finished (0 before the first).</summary>
    public int CurrentStep { get; set; }

    /// <summary>Steps the run is meant to take; null until known (evaluations learn it from their benchmarks).</summary>
    public int? TotalSteps { get; set; }

    public string? JobId { get; set; }

    /// <summary>The machine whose worker picked the run up.</summary>
    public string? WorkerHost { get; set; }

    public string? Error { get; set; }

    /// <summary>One of <see cref="StopReasons"/>; null while the run has not stopped.</summary>
    public string? StopReason { get; set; }

    /// <summary>Set when a user cancels a running run; the job polls it and stops the run.</summary>
    public bool CancelRequested { get; set; }

    public string? CancelRequestedBy { get; set; }

    /// <summary>The run this one was forked from.</summary>
    public long? ParentRunId { get; set; }

    /// <summary>
    /// A fork seeded with its parent's buffers: the buffers of <see cref="ParentRunId"/> as they were after this step
    /// replace seeding. Null for a run that seeds itself (or reads <c>self_play.seed_file</c>).
    /// </summary>
    public int? SeedBuffersStep { get; set; }
}
