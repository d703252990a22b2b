using AbsoluteZero.Core.Configuration;
using AbsoluteZero.Evaluation.Benchmarks.MathSets;

namespace AbsoluteZero.Evaluation.Benchmarks;

public enum BenchmarkKind { Code, Math }

/// <summary>One data file of a benchmark: where it lives under the data directory and where it officially comes from.</summary>
/// <param name="Path">Relative to the data directory, with '/' separators (<c>humaneval-plus/HumanEvalPlus.jsonl.gz</c>).</param>
/// <param name="Url">The official download (pinned to a release or commit where one exists).</param>
/// <param name="Sha256">The checksum of that download, where it is known; null where upstream may change.</param>
public sealed record BenchmarkFile(string Path, string Url, string? Sha256);

/// <summary>A benchmark as the catalog knows it.</summary>
/// <param name="Label">A caveat shown with every score (LiveCodeBench: public tests only), or null.</param>
/// <param name="ComparableWithPaper">Whether scores may be set beside the paper's reported numbers.</param>
public sealed record BenchmarkInfo(string Name, BenchmarkKind Kind, string Title, BenchmarkFile File, string? Label, bool ComparableWithPaper);

/// <summary>
/// The twelve benchmarks (<see cref="BenchmarkNames"/>), named like the folders of the data directory. Each loads
/// from <c>&lt;data dir&gt;/&lt;name&gt;/&lt;file&gt;</c>; the data is never part of this repository.
/// </summary>
public static class BenchmarkCatalog
{
    private const string QwenMath = "https://raw.githubusercontent.com/QwenLM/Qwen2.5-Math/a45202bd16f1ec06f433442dc1152d0074773465/evaluation/data";
    private const string AzrMath = "https://raw.githubusercontent.com/LeapLabTHU/Absolute-Zero-Reasoner/a82124e514e27692aa9860c5ee21dbf9d81e3bc5/evaluation/math_eval/eval/data";

    public const string LiveCodeBenchLabel =
        "public tests only (a derived slice of release_v5, 279 problems dated 2024-08-01 to 2025-02-01); not comparable with official LiveCodeBench numbers";

    public static IReadOnlyList<BenchmarkInfo> All { get; } =
    [
        new(BenchmarkNames.HumanEvalPlus, BenchmarkKind.Code, "HumanEval+ (EvalPlus v0.1.10)",
            new("humaneval-plus/HumanEvalPlus.jsonl.gz", "https://github.com/evalplus/humanevalplus_release/releases/download/v0.1.10/HumanEvalPlus.jsonl.gz",
                "272720b90ac375502c8ed23cd791c2a93dfb22a911641a494da74a426c09f101"), null, true),
        new(BenchmarkNames.MbppPlus, BenchmarkKind.Code, "MBPP+ (EvalPlus v0.2.0)",
            new("mbpp-plus/MbppPlus.jsonl.gz", "https://github.com/evalplus/mbppplus_release/releases/download/v0.2.0/MbppPlus.jsonl.gz",
                "af43697e8791c4c149bdfd6b489d8b5412507551ac20e28a439f650b8225db63"), null, true),
        new(BenchmarkNames.LiveCodeBench, BenchmarkKind.Code, "LiveCodeBench code generation (public tests)",
            new("livecodebench/livecodebench.json",
                "https://raw.githubusercontent.com/winnieyangwannan/rllm/d3c3c8f359cf0648c81201d48c190b7c6ec18ae8/rllm/data/test/code/livecodebench.json",
                "b94212d8c882d7ff99ebde702d0a3319e5c94440faed6ae8984cd850f29a6cd6"), LiveCodeBenchLabel, false),
        new(BenchmarkNames.HumanEval, BenchmarkKind.Code, "HumanEval (OpenAI)",
            new("humaneval/HumanEval.jsonl.gz", "https://raw.githubusercontent.com/openai/human-eval/6d43fb980f9fee3c892a914eda09951f772ad10d/data/HumanEval.jsonl.gz",
                "b796127e635a67f93fb35c04f4cb03cf06f38c8072ee7cee8833d7bee06979ef"), null, true),
        new(BenchmarkNames.MbppSanitized, BenchmarkKind.Code, "MBPP (sanitized)",
            // Upstream is compact JSON; the copy in ../shared is pretty-printed, so no checksum is pinned.
            new("mbpp-sanitized/sanitized-mbpp.json", "https://raw.githubusercontent.com/google-research/google-research/master/mbpp/sanitized-mbpp.json", null),
            null, true),
        Math(BenchmarkNames.Aime2024, "AIME 2024", $"{QwenMath}/aime24/test.jsonl", "af2b8bd2aa911b6333ad0df32f3ca05c7ae8ed10f1731f4372c8ae26990bf7ac"),
        Math(BenchmarkNames.Aime2025, "AIME 2025", $"{AzrMath}/aime25/test.jsonl", "20c1ca392758d96bd1e28af15d9f30df5660257927cacc9eac7301c29f677d1a"),
        Math(BenchmarkNames.Amc2023, "AMC 2023", $"{QwenMath}/amc23/test.jsonl", "43707e1ca784602d8479de24ee8ce36609dbebc46dd152b0b12a46611aa898a4"),
        Math(BenchmarkNames.Math500, "MATH-500", $"{AzrMath}/math500/test.jsonl", "35dc41080a3680858b27fa7e0533d2d547825316fc5dafe5d316f4ccc5a06132"),
        Math(BenchmarkNames.MinervaMath, "Minerva Math", $"{QwenMath}/minerva_math/test.jsonl", "0e656b430d3a0a1dab6aa853f453ba3805e28e2cabe4fc72486a897cc09d8ba2"),
        Math(BenchmarkNames.OlympiadBench, "OlympiadBench", $"{QwenMath}/olympiadbench/test.jsonl", "bb8c1e38a16ea9eacb77530315a674d883f267fbff79183effc53681b4fcc416"),
        Math(BenchmarkNames.Gsm8k, "GSM8K",
            "https://raw.githubusercontent.com/openai/grade-school-math/3101c7d5072418e28b9008a6636bde82a006892c/grade_school_math/data/test.jsonl",
            "3730d312f6e3440559ace48831e51066acaca737f6eabec99bccb9e4b3c39d14"),
    ];

    /// <exception cref="ArgumentException">Not one of the twelve names; the message lists them.</exception>
    public static BenchmarkInfo Get(string name) =>
        All.FirstOrDefault(b => b.Name == name)
        ?? throw new ArgumentException($"unknown benchmark '{name}'; expected one of {string.Join(", ", BenchmarkNames.All)}", nameof(name));

    /// <summary>The full path of a benchmark's data file under a data directory.</summary>
    public static string PathOf(string dataDirectory, BenchmarkInfo benchmark) =>
        System.IO.Path.Combine(dataDirectory, benchmark.File.Path.Replace('/', System.IO.Path.DirectorySeparatorChar));

    private static BenchmarkInfo Math(string name, string title, string url, string sha256) =>
        new(name, BenchmarkKind.Math, title, new($"{name}/{MathBenchmarkLoader.FileName}", url, sha256), null, true);
}
