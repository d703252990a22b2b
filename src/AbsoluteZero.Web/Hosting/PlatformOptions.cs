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
}
