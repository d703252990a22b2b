using System.Globalization;
using System.Text.Json;
using AbsoluteZero.Core.Configuration;
using AbsoluteZero.Core.Json;
using AbsoluteZero.Data.Evaluation;
using AbsoluteZero.Data.Runs;
using AbsoluteZero.Evaluation.Benchmarks;
using AbsoluteZero.Evaluation.Generation;

namespace AbsoluteZero.Web.Components.Evaluation;

/// <summary>How the evaluation pages write scores and settings: percentages with one decimal, intervals, n.</summary>
public static class EvalFacts
{
    /// <summary>A run's evaluation config; the defaults when it cannot be read.</summary>
    public static EvalConfig Config(Run run)
    {
        try
        {
            return JsonSerializer.Deserialize<EvalConfig>(run.Config, AzrJson.Options) ?? new EvalConfig();
        }
        catch (JsonException)
        {
            return new EvalConfig();
        }
    }

    public static string Percent(double value) => value.ToString("0.0", CultureInfo.InvariantCulture);

    /// <summary>A stored fraction as a percentage: <c>13.3</c>.</summary>
    public static string Fraction(double fraction) => Percent(fraction * 100);

    /// <summary>The score's 95% interval in percent: <c>3.3–26.7</c>.</summary>
    public static string Interval(EvalScore score) =>
        score.CiLow is { } low && score.CiHigh is { } high ? $"{Fraction(low)}–{Fraction(high)}" : "—";

    public static EvalScore? Headline(IEnumerable<EvalScore> scores, string benchmark) =>
        scores.FirstOrDefault(s => s.Benchmark == benchmark && s.Metric == EvalScores.PassAt(1));

    /// <summary>Greedy or the sampling settings, the response budget, the prompt style and the limit.</summary>
    public static string Settings(EvalConfig config)
    {
        var text = AbsoluteZero.Web.Evaluation.LeaderboardService.Decoding(config);
        if (config.PromptStyle == PromptStyle.Auto)
            text += ", auto prompts";
        return config.Limit is { } limit ? $"{text}, first {limit} problems" : text;
    }

    public static string Title(string benchmark) =>
        BenchmarkCatalog.All.FirstOrDefault(b => b.Name == benchmark)?.Title ?? benchmark;

    public static string? Label(string benchmark) => BenchmarkCatalog.All.FirstOrDefault(b => b.Name == benchmark)?.Label;
}
