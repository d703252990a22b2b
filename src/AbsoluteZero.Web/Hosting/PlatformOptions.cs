namespace AbsoluteZero.Web.Hosting;

/// <summary>The <c>Platform</c> section of appsettings.json: knobs of the web host and the run jobs.</summary>
public sealed class PlatformOptions
{
    public const string Section = "Platform";

    /// <summary>Largest accepted REST request body (1 MB); bigger ones get 413.</summary>
    public long MaxRequestBodyBytes { get; set; } = 1024 * 1024;

    /// <summary>
    /// An oversized body is read and thrown away up to this size so the client, which may still be sending, gets a
    /// clean 413 instead of a reset connection; past it the connection is closed after the 413.
    /// </summary>
    public long MaxDrainBytes { get; set; } = 256L * 1024 * 1024;

    /// <summary>Queues the Hangfire server inside <c>azr serve</c> takes jobs from; empty means <c>default</c> and <c>cpu</c>.</summary>
    /// <remarks>No initializer: the configuration binder appends to an array instead of replacing it.</remarks>
    public string[] ServeQueues { get; set; } = [];

    public string[] ServeQueuesOrDefault => ServeQueues.Length > 0 ? ServeQueues : ["default", "cpu"];

    /// <summary>How often a running run's job looks at the cancel-requested flag.</summary>
    public TimeSpan CancelPollInterval { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>
    /// How long a cancelled (or shut-down) training child gets after SIGTERM to checkpoint and exit before its process
    /// tree is killed. The child itself gives up after the CLI's 30 s process-termination timeout, so more than that
    /// only matters for a child that hangs.
    /// </summary>
    public TimeSpan CancelGracePeriod { get; set; } = TimeSpan.FromSeconds(40);

    /// <summary>
    /// The <c>azr</c> binary a worker starts as <c>azr train --run ID</c>; empty means the running <c>azr</c> itself
    /// (see <c>TrainerBinary</c>).
    /// </summary>
    public string? TrainerBinary { get; set; }

    /// <summary>
    /// Where training runs keep their checkpoints, one folder per run id; relative to the content root. Resume needs the
    /// folder, so hosts that resume each other's runs share it.
    /// </summary>
    public string RunsDirectory { get; set; } = ".data/runs";

    /// <summary>
    /// This host's GPUs as <c>CUDA_VISIBLE_DEVICES</c> names them (indices or UUIDs); each run child gets one of its own
    /// (<c>GpuSlots</c>). Empty: children are given no device and see what the host sees.
    /// </summary>
    /// <remarks>No initializer, as for <see cref="ServeQueues"/>.</remarks>
    public string[] Gpus { get; set; } = [];
}
