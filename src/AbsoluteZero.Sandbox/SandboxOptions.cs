using AbsoluteZero.Core.Configuration;

namespace AbsoluteZero.Sandbox;

/// <summary>How programs are isolated. Only <see cref="Bwrap"/> is safe for model-written code.</summary>
public enum SandboxIsolation
{
    /// <summary>Each worker runs under bubblewrap in new user, PID, network, IPC, mount and UTS namespaces.</summary>
    Bwrap,

    /// <summary>
    /// No namespaces: workers run as the host user and can read what it reads. Only for machines where bwrap cannot
    /// create namespaces and the operator accepted the risk (<c>Sandbox:Isolation=none</c>); warned on every start.
    /// </summary>
    None,
}

/// <summary>
/// Settings of a <see cref="SandboxPool"/>. Bindable from configuration (section <c>Sandbox</c>), so every host (CLI,
/// trainer, evaluation, web) configures the sandbox the same way.
/// </summary>
public sealed record SandboxOptions
{
    /// <summary>Warm Python workers; 0 means one per core.</summary>
    public int Workers { get; init; }

    /// <summary>Default wall-clock limit per execution when a request names none (the reference's 10 s).</summary>
    public int TimeoutMs { get; init; } = 10_000;

    /// <summary>Address-space limit of every forked program, in MiB.</summary>
    public int MemoryMb { get; init; } = 1024;

    /// <summary>Transport limit on the repr (UTF-8 bytes); longer results end as output_too_large.</summary>
    public int OutputLimitBytes { get; init; } = 64 * 1024;

    public SandboxIsolation Isolation { get; init; } = SandboxIsolation.Bwrap;

    /// <summary>The interpreter; it must live under a system directory that is bound into the sandbox (/usr by default).</summary>
    public string PythonPath { get; init; } = "/usr/bin/python3";

    public string BwrapPath { get; init; } = "bwrap";

    /// <summary>Workers actually started: <see cref="Workers"/>, or one per core.</summary>
    public int EffectiveWorkers => Workers > 0 ? Workers : Environment.ProcessorCount;

    /// <summary>The sandbox group of a run's configuration.</summary>
    public static SandboxOptions FromSettings(SandboxSettings settings) => new()
    {
        Workers = settings.Workers,
        TimeoutMs = settings.TimeoutMs,
        MemoryMb = settings.MemoryMb,
    };

    /// <summary>Names each invalid field, or returns an empty list.</summary>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        if (Workers < 0)
            errors.Add($"workers must be 0 (one per core) or more, got {Workers}");
        if (TimeoutMs <= 0)
            errors.Add($"timeout_ms must be positive, got {TimeoutMs}");
        if (MemoryMb < 64)
            errors.Add($"memory_mb must be at least 64 (the interpreter itself needs that much address space), got {MemoryMb}");
        if (OutputLimitBytes <= 0)
            errors.Add($"output_limit_bytes must be positive, got {OutputLimitBytes}");
        if (string.IsNullOrWhiteSpace(PythonPath))
            errors.Add("python_path must name an interpreter");
        return errors;
    }
}
