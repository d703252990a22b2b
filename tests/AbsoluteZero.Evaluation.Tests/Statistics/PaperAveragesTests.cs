using System.Text.Json;
using AbsoluteZero.Core.Configuration;
using AbsoluteZero.Evaluation.Statistics;
using AbsoluteZero.Testing;

namespace AbsoluteZero.Evaluation.Tests.Statistics;

/// <summary>
/// The averages computed from the paper's reported per-benchmark scores (reference/azr-paper-results.json) must give
/// the CAvg, MAvg and AVG columns the paper reports (AZR.md §8.1–8.2), to the printed one-decimal rounding.
/// </summary>
public class PaperAveragesTests
{
    // The reference file names three benchmarks differently from our folder names.
    private static readonly IReadOnlyDictionary<string, string> OurNames = AbsoluteZero.Evaluation.Leaderboard.ReportedResults.PaperBenchmarkNames;

    // Reported CAvg, MAvg, AVG (paper Table 1 and the README averages), keyed by the reference file's model names.
    public static TheoryData<string, double, double, double> Reported => new()
    {
        { "Qwen2.5-7B", 52.0, 27.5, 39.8 },
        { "Qwen2.5-7B-Instruct", 56.3, 37.0, 46.7 },
        { "Qwen2.5-Coder-7B", 56.6, 23.9, 40.2 },
        { "AceCoder-RM (from Qwen2.5-7B-Instruct)", 58.3, 37.4, 47.9 },
        { "AceCoder-Rule (from Qwen2.5-7B-Instruct)", 55.4, 36.9, 46.2 },
        { "AceCoder-RM (from Qwen2.5-Coder-7B)", 57.3, 27.5, 42.4 },
        { "AceCoder-Rule (from Qwen2.5-Coder-7B)", 60.0, 28.5, 44.3 },
        { "CodeR1-LC2k (from Qwen2.5-7B-Instruct)", 60.5, 35.6, 48.0 },
        { "CodeR1-12k (from Qwen2.5-7B-Instruct)", 61.3, 33.5, 47.4 },
        { "PRIME-Zero (from Qwen2.5-Coder-7B)", 37.2, 45.8, 41.5 },
        { "SimpleRL-Zoo (from Qwen2.5-7B)", 54.0, 38.5, 46.3 },
        { "Oat-Zero (from Qwen2.5-Math-7B)", 45.5, 44.3, 44.9 },
        { "ORZ (from Qwen2.5-7B)", 55.6, 41.6, 48.6 },
        { "AZR-Base-7B (from Qwen2.5-7B)", 55.2, 38.4, 46.8 },
        { "AZR-Coder-7B (from Qwen2.5-Coder-7B)", 61.6, 39.1, 50.4 },
        { "Llama-3.1-8B", 28.5, 3.4, 16.0 },
        { "AZR-Coder-3B (from Qwen2.5-Coder-3B)", 54.9, 26.5, 40.7 },
        { "AZR-Coder-14B (from Qwen2.5-Coder-14B)", 63.6, 43.0, 53.3 },
    };

    [Theory]
    [MemberData(nameof(Reported))]
    public void Averages_from_the_reported_scores_match_the_reported_averages(string model, double codeAverage, double mathAverage, double overall)
    {
        var averages = PaperAverages.Compute(ReportedScores(model));
        // Printed to one decimal, and the paper averages unrounded scores: allow half a unit of the last digit
        // plus the rounding the inputs themselves carry.
        Assert.Equal(codeAverage, averages.CodeAverage!.Value, 0.051);
        Assert.Equal(mathAverage, averages.MathAverage!.Value, 0.051);
        Assert.Equal(overall, averages.Overall!.Value, 0.051);
    }

    [Fact]
    public void Overall_is_the_mean_of_the_two_averages_not_of_nine_scores()
    {
        var scores = ReportedScores("AZR-Coder-7B (from Qwen2.5-Coder-7B)");
        var averages = PaperAverages.Compute(scores);
        Assert.Equal((averages.CodeAverage!.Value + averages.MathAverage!.Value) / 2, averages.Overall!.Value, 12);
        Assert.NotEqual(scores.Values.Average(), averages.Overall.Value, 3);
    }

    [Fact]
    public void Gsm8k_is_not_part_of_the_math_average_and_a_missing_benchmark_leaves_its_average_empty()
    {
        var scores = ReportedScores("Qwen2.5-7B");
        var withGsm8k = new Dictionary<string, double>(scores) { [BenchmarkNames.Gsm8k] = 99 };
        Assert.Equal(PaperAverages.Compute(scores), PaperAverages.Compute(withGsm8k));

        scores.Remove(BenchmarkNames.LiveCodeBench);
        var partial = PaperAverages.Compute(scores);
        Assert.Null(partial.CodeAverage);
        Assert.Null(partial.Overall);
        Assert.NotNull(partial.MathAverage);
    }

    private static Dictionary<string, double> ReportedScores(string model)
    {
        using var document = JsonDocument.Parse(File.ReadAllText(Path.Combine(RepositoryPaths.Shared, "reference", "azr-paper-results.json")));
        var row = document.RootElement.GetProperty("rows").EnumerateArray().Single(r => r.GetProperty("model").GetString() == model);
        return row.GetProperty("scores").EnumerateObject().ToDictionary(p => OurNames[p.Name], p => p.Value.GetDouble());
    }
}
