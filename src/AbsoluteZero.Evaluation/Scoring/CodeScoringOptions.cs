namespace AbsoluteZero.Evaluation.Scoring;

/// <summary>
/// Limits of code scoring (docs/evaluation.md says where each default comes from). Time limits per input follow
/// EvalPlus: max(<see cref="MinTimeLimitSeconds"/>, <see cref="TimeLimitFactor"/> × the canonical solution's time).
/// </summary>
public sealed record CodeScoringOptions
{
    /// <summary>AZR's evaluation passes <c>--min-time-limit 10</c> to EvalPlus.</summary>
    public double MinTimeLimitSeconds { get; init; } = 10;

    /// <summary>AZR's evaluation passes <c>--gt-time-limit-factor 8</c> to EvalPlus.</summary>
    public double TimeLimitFactor { get; init; } = 8;

    /// <summary>
    /// Most seconds a candidate may spend on one slice of a task's inputs (EvalPlus's per-task timeout,
    /// <c>EVALPLUS_TIMEOUT_PER_TASK</c> = 60), never less than the factor times the canonical solution's own time.
    /// </summary>
    public double SliceBudgetSeconds { get; init; } = 60;

    /// <summary>
    /// HumanEval and MBPP asserts: the whole check program's limit. human-eval's reference harness uses 3 s; the default is
    /// AZR's EvalPlus minimum instead, because MBPP's own solution to task 123 needs several seconds on a busy machine.
    /// </summary>
    public double AssertTimeoutSeconds { get; init; } = 10;

    /// <summary>LiveCodeBench: the limit per test (lcb_runner's <c>run_test</c> default).</summary>
    public double LiveCodeBenchTimeoutSeconds { get; init; } = 6;

    /// <summary>Sandbox requests in flight at once; 0 means two per core (the pool queues the rest).</summary>
    public int Parallelism { get; init; }

    /// <summary>Where canonical-solution timings and output digests are cached (per benchmark and data checksum).</summary>
    public string CacheDirectory { get; init; } = DefaultCacheDirectory();

    public int EffectiveParallelism => Parallelism > 0 ? Parallelism : 2 * Environment.ProcessorCount;

    /// <summary>Names each invalid field, or returns an empty list.</summary>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        if (!(MinTimeLimitSeconds > 0))
            errors.Add($"min_time_limit must be positive, got {MinTimeLimitSeconds}");
        if (!(TimeLimitFactor >= 1))
            errors.Add($"time_limit_factor must be at least 1, got {TimeLimitFactor}");
        if (!(SliceBudgetSeconds > 0))
            errors.Add($"slice_budget must be positive, got {SliceBudgetSeconds}");
        if (!(AssertTimeoutSeconds > 0))
            errors.Add($"assert_timeout must be positive, got {AssertTimeoutSeconds}");
        if (!(LiveCodeBenchTimeoutSeconds > 0))
            errors.Add($"livecodebench_timeout must be positive, got {LiveCodeBenchTimeoutSeconds}");
        if (Parallelism < 0)
            errors.Add($"parallelism must be 0 (two per core) or more, got {Parallelism}");
        if (string.IsNullOrWhiteSpace(CacheDirectory))
            errors.Add("cache_directory must name a folder");
        return errors;
    }

    /// <summary><c>$XDG_CACHE_HOME/azr/benchmarks</c>, else <c>~/.cache/azr/benchmarks</c>.</summary>
    public static string DefaultCacheDirectory()
    {
        var root = Environment.GetEnvironmentVariable("XDG_CACHE_HOME") is { Length: > 0 } xdg
            ? xdg
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".cache");
        return Path.Combine(root, "azr", "benchmarks");
    }
}
