using AbsoluteZero.Core.Json;
using System.Text.Json.Nodes;
using AbsoluteZero.Evaluation.Statistics;

namespace AbsoluteZero.Evaluation.Runs;

/// <summary>
/// The score of one samples file: pass@1 as the mean over problems of each problem's mean over its samples, with
/// n problems and a bootstrap 95% interval over problems; base and plus separately for EvalPlus sets. Fractions in 0–1;
/// null where nothing was scored or the benchmark has no such split.
/// </summary>
public sealed record EvalSummary(string Benchmark, int N, double? PassAt1, double? BasePassAt1, double? PlusPassAt1, double? Lower, double? Upper)
{
    public static EvalSummary From(string benchmark, bool evalPlus, IReadOnlyList<SampleOutcome> outcomes)
    {
        var byTask = outcomes.Where(o => o.Passed is not null).GroupBy(o => o.TaskId!).ToList();
        if (byTask.Count == 0)
            return new EvalSummary(benchmark, 0, null, null, null, null, null);
        var perTask = byTask.Select(g => g.Average(o => o.Passed == true ? 1.0 : 0.0)).ToList();
        var interval = BootstrapInterval.Compute(perTask);
        return new EvalSummary(benchmark, byTask.Count, MeanOverTasks(perTask),
            evalPlus ? MeanOverTasks(byTask.Select(g => g.Average(o => o.Code?.BasePassed == true ? 1.0 : 0.0)).ToList()) : null,
            evalPlus ? MeanOverTasks(byTask.Select(g => g.Average(o => o.Code?.PlusPassed == true ? 1.0 : 0.0)).ToList()) : null,
            interval.Lower, interval.Upper);
    }

    /// <summary>The summary line: <c>{"benchmark", "n", "pass@1", "base_pass@1", "plus_pass@1", "ci95": [lo, hi]}</c>.</summary>
    public string ToJson() => new JsonObject
    {
        ["benchmark"] = Benchmark,
        ["n"] = N,
        ["pass@1"] = PassAt1,
        ["base_pass@1"] = BasePassAt1,
        ["plus_pass@1"] = PlusPassAt1,
        ["ci95"] = Lower is { } lower && Upper is { } upper ? new JsonArray(lower, upper) : null,
    }.ToJsonString(AzrJson.Options);

    /// <summary>One sample per problem (the usual case) makes this passed/n exactly, whatever the order of problems.</summary>
    private static double MeanOverTasks(IReadOnlyList<double> perTask) =>
        perTask.All(v => v is 0 or 1) ? perTask.Count(v => v == 1) / (double)perTask.Count : perTask.Average();
}
