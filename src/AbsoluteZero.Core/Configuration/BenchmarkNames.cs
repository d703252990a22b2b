namespace AbsoluteZero.Core.Configuration;

/// <summary>
/// Benchmark names, spelled like the folders of the benchmark data directory, used everywhere: CLI, REST,
/// database, UI. The first three are the paper's code set, the next six its math set (AZR.md §7.1).
/// </summary>
public static class BenchmarkNames
{
    public const string HumanEvalPlus = "humaneval-plus";
    public const string MbppPlus = "mbpp-plus";
    public const string LiveCodeBench = "livecodebench";
    public const string HumanEval = "humaneval";
    public const string MbppSanitized = "mbpp-sanitized";
    public const string Aime2024 = "aime2024";
    public const string Aime2025 = "aime2025";
    public const string Amc2023 = "amc2023";
    public const string Math500 = "math500";
    public const string MinervaMath = "minerva-math";
    public const string OlympiadBench = "olympiadbench";
    public const string Gsm8k = "gsm8k";

    /// <summary>The paper's code average (CAvg) is the mean of these.</summary>
    public static readonly IReadOnlyList<string> PaperCode = [HumanEvalPlus, MbppPlus, LiveCodeBench];

    /// <summary>The paper's math average (MAvg) is the mean of these; overall is (CAvg + MAvg) / 2.</summary>
    public static readonly IReadOnlyList<string> PaperMath = [Aime2024, Aime2025, Amc2023, Math500, MinervaMath, OlympiadBench];

    public static readonly IReadOnlyList<string> Code = [HumanEvalPlus, MbppPlus, LiveCodeBench, HumanEval, MbppSanitized];

    public static readonly IReadOnlyList<string> Math = [.. PaperMath, Gsm8k];

    public static readonly IReadOnlyList<string> All = [.. Code, .. Math];

    public static bool IsKnown(string name) => All.Contains(name, StringComparer.Ordinal);
}
