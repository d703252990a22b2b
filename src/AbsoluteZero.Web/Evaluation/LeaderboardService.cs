using System.Globalization;
using System.Text.Json;
using AbsoluteZero.Core.Configuration;
using AbsoluteZero.Core.Json;
using AbsoluteZero.Data;
using AbsoluteZero.Data.Models;
using AbsoluteZero.Data.Runs;
using AbsoluteZero.Evaluation.Generation;
using AbsoluteZero.Evaluation.Leaderboard;
using Microsoft.EntityFrameworkCore;

namespace AbsoluteZero.Web.Evaluation;

/// <summary>The leaderboard and anything that kept a part of it from being shown.</summary>
public sealed record LeaderboardView(LeaderboardTable Table, IReadOnlyList<string> Warnings);

/// <summary>
/// The leaderboard from the paper's reported rows and every evaluation run that has scores (one measured row per run,
/// whatever its status: a cancelled run keeps the benchmarks it finished, and the row says how the run ended).
/// </summary>
public sealed class LeaderboardService(IDbContextFactory<AzrDbContext> dbs, ReportedRowsSource reported)
{
    public async Task<LeaderboardView> BuildAsync(LeaderboardQuery query, CancellationToken ct)
    {
        var measured = await MeasuredAsync(ct);
        var table = LeaderboardBuilder.Build(reported.Rows, measured, query);
        return new LeaderboardView(table, reported.Problem is { } problem ? [problem] : []);
    }

    private async Task<IReadOnlyList<MeasuredEntry>> MeasuredAsync(CancellationToken ct)
    {
        string[] headline = [EvalScores.PassAt(1), EvalScores.BasePassAt(1)];
        await using var db = await dbs.CreateDbContextAsync(ct);
        var scores = await db.EvalScores.AsNoTracking().Where(s => headline.Contains(s.Metric)).ToListAsync(ct);
        var runIds = scores.Select(s => s.RunId).Distinct().ToList();
        var runs = await db.Runs.AsNoTracking().Where(r => runIds.Contains(r.Id) && r.Kind == RunKind.Eval).OrderBy(r => r.Id).ToListAsync(ct);
        var models = await db.Models.AsNoTracking().ToListAsync(ct);
        var configs = runs.ToDictionary(r => r.Id, r => JsonSerializer.Deserialize<EvalConfig>(r.Config, AzrJson.Options) ?? new EvalConfig());
        var trainingIds = configs.Values.Select(c => c.Model.RunId).OfType<long>().Distinct().ToList();
        var training = await db.Runs.AsNoTracking().Where(r => trainingIds.Contains(r.Id)).ToDictionaryAsync(r => r.Id, r => r.Name, ct);

        return runs.Select(run =>
        {
            var config = configs[run.Id];
            var (label, kind, family) = Describe(config.Model, models, training);
            var byBenchmark = scores.Where(s => s.RunId == run.Id).GroupBy(s => s.Benchmark)
                .Where(g => g.Any(s => s.Metric == EvalScores.PassAt(1)))
                .ToDictionary(g => g.Key, g =>
                {
                    var pass = g.First(s => s.Metric == EvalScores.PassAt(1));
                    return new MeasuredScore(pass.Value, pass.N, pass.CiLow ?? pass.Value, pass.CiHigh ?? pass.Value,
                        g.FirstOrDefault(s => s.Metric == EvalScores.BasePassAt(1))?.Value);
                });
            return new MeasuredEntry(run.Id, label, family, kind, run.Status.ToString().ToLowerInvariant(), Decoding(config), config.Limit, byBenchmark,
                $"/api/v1/evaluations/{run.Id}/samples");
        }).ToList();
    }

    /// <summary>How the leaderboard names an evaluation's model, what kind it is and its family (never fails: display only).</summary>
    private static (string Label, string Kind, string? Family) Describe(EvalModel model, IReadOnlyList<RegisteredModel> registry, IReadOnlyDictionary<long, string> training)
    {
        if (model.RunId is { } runId)
        {
            var entry = registry.FirstOrDefault(m => m.RunId == runId && m.Step == model.Step);
            var name = training.GetValueOrDefault(runId, $"run {runId}");
            return ($"{name} · run {runId} step {model.Step?.ToString(CultureInfo.InvariantCulture) ?? "latest"}", EvalModelKinds.Checkpoint,
                entry?.Family ?? ModelFamilies.Guess(name));
        }

        if (model.Path is { Length: > 0 } path)
            return (path, EvalModelKinds.Folder, ModelFamilies.Guess(path));
        var modelName = model.Name ?? "";
        if (registry.FirstOrDefault(m => m.Name == modelName) is { } registered)
            return (modelName, registered.Kind == ModelKind.Checkpoint ? EvalModelKinds.Checkpoint : EvalModelKinds.Registry, registered.Family);
        return (modelName, EvalModelResolver.BuiltInPresets.Contains(modelName, StringComparer.OrdinalIgnoreCase) ? EvalModelKinds.Preset : EvalModelKinds.Registry,
            ModelFamilies.Guess(modelName));
    }

    /// <summary>Greedy, or the sampling settings; a response budget other than the paper's is named too.</summary>
    public static string Decoding(EvalConfig config)
    {
        var d = config.Decoding;
        var text = d.Temperature == 0
            ? LeaderboardBuilder.PaperDecoding
            : string.Create(CultureInfo.InvariantCulture, $"T={d.Temperature:0.##}, top-p {d.TopP:0.##}, {d.Samples} samples");
        if (d.MaxNewTokens is { } tokens)
            text += string.Create(CultureInfo.InvariantCulture, $", at most {tokens} new tokens");
        return config.PromptStyle == PromptStyle.Auto ? text : $"{text}, {config.PromptStyle.ToString().ToLowerInvariant()} prompts";
    }
}
