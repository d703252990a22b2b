using System.Text.Json;
using AbsoluteZero.Core.Configuration;
using AbsoluteZero.Core.Json;
using AbsoluteZero.Data;
using AbsoluteZero.Data.Models;
using AbsoluteZero.Data.Runs;
using AbsoluteZero.Evaluation.Leaderboard;
using AbsoluteZero.Web.Runs;
using Microsoft.EntityFrameworkCore;

namespace AbsoluteZero.Web.Evaluation;

/// <summary>
/// Resolves an evaluation's <c>model</c> (<see cref="EvalModel"/>) against the database: a name is a model-registry
/// entry or a built-in preset; <c>run_id</c> (+ <c>step</c>, else the latest) is a training run's checkpoint that still
/// exists; <c>path</c> is a folder on the worker, taken as given (it need not exist on this host). Errors name the
/// field by its path inside the config (<c>model.name</c>, <c>model.run_id</c>, <c>model.step</c>).
/// </summary>
public sealed class EvalModelResolver(IDbContextFactory<AzrDbContext> dbs)
{
    /// <summary>
    /// The model presets of <c>AbsoluteZero.Model.ModelPresets</c> (this assembly does not reference the model library,
    /// which would bring libtorch into the web host).
    /// </summary>
    public static readonly IReadOnlyList<string> BuiltInPresets = ["tiny", "small"];

    public async Task<(EvalModelSource? Source, IReadOnlyList<ConfigError> Errors)> ResolveAsync(EvalModel model, CancellationToken ct)
    {
        if (model.RunId is { } runId)
            return await CheckpointAsync(runId, model.Step, ct);
        if (model.Path is { Length: > 0 } path)
            return (new EvalModelSource(path, EvalModelKinds.Folder, null, path, null, null, null, null, null), []);

        var name = model.Name ?? "";
        if (BuiltInPresets.Contains(name, StringComparer.OrdinalIgnoreCase))
            return (new EvalModelSource(name, EvalModelKinds.Preset, name.ToLowerInvariant(), null, false, ModelFamilies.Guess(name.ToLowerInvariant()), null, null, null), []);

        await using var db = await dbs.CreateDbContextAsync(ct);
        if (await db.Models.AsNoTracking().FirstOrDefaultAsync(m => m.Name == name, ct) is not { } entry)
        {
            return (null, [new ConfigError("model.name",
                $"unknown model '{name}': not in the model registry and not a built-in preset ({string.Join(", ", BuiltInPresets)}); " +
                "use model.path for a Hugging Face folder on the worker, or model.run_id for a training run's checkpoint")]);
        }

        var queue = entry.RunId is { } source ? await db.Runs.Where(r => r.Id == source).Select(r => r.Queue).FirstOrDefaultAsync(ct) : null;
        var checkpoint = entry.Kind == ModelKind.Checkpoint;
        return (new EvalModelSource(entry.Name, checkpoint ? EvalModelKinds.Checkpoint : EvalModelKinds.Registry, null, entry.Path, checkpoint,
            entry.Family, entry.RunId, entry.Step, queue), []);
    }

    /// <summary>
    /// Resolves the model of a bound evaluation draft and pins what "latest" meant: the checkpoint step is written into
    /// the stored config, so the run says which weights it evaluated. Unless the request named them, the name becomes
    /// <c>eval &lt;model&gt;</c> and the queue follows the model: a checkpoint is evaluated on its training run's queue,
    /// <c>tiny</c> on <c>cpu</c>, anything else on <c>gpu</c>. Null (with errors added) when the model does not resolve.
    /// </summary>
    public async Task<RunDraft?> PinAsync(RunDraft draft, bool nameGiven, bool queueGiven, FieldErrors errors, CancellationToken ct)
    {
        var config = JsonSerializer.Deserialize<EvalConfig>(draft.ConfigJson, AzrJson.Options)
                     ?? throw new ArgumentException("the draft holds no evaluation config", nameof(draft));
        var (source, problems) = await ResolveAsync(config.Model, ct);
        foreach (var problem in problems)
            errors.Add("config." + problem.Field, problem.Message);
        if (source is null)
            return null;

        var pinned = config.Model.RunId is null ? config : config with { Model = config.Model with { Step = source.Step } };
        return draft with
        {
            Name = nameGiven ? draft.Name : $"eval {source.Label}",
            ConfigJson = JsonSerializer.Serialize(pinned, AzrJson.Options),
            Queue = queueGiven ? draft.Queue : DefaultQueue(source),
        };
    }

    public static string DefaultQueue(EvalModelSource source) =>
        source.TrainingQueue ?? (source.Preset == RunPresets.Tiny.Name ? RunPresets.CpuQueue : RunPresets.GpuQueue);

    private async Task<(EvalModelSource?, IReadOnlyList<ConfigError>)> CheckpointAsync(long runId, int? step, CancellationToken ct)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var run = await db.Runs.AsNoTracking().FirstOrDefaultAsync(r => r.Id == runId, ct);
        if (run is null)
            return (null, [new ConfigError("model.run_id", $"run {runId} does not exist")]);
        if (run.Kind != RunKind.Train)
            return (null, [new ConfigError("model.run_id", $"run {runId} is an evaluation, not a training run; it has no checkpoints")]);

        var checkpoints = db.Checkpoints.AsNoTracking().Where(c => c.RunId == runId && c.RemovedAt == null);
        var checkpoint = step is { } s
            ? await checkpoints.FirstOrDefaultAsync(c => c.Step == s, ct)
            : await checkpoints.OrderByDescending(c => c.Step).FirstOrDefaultAsync(ct);
        if (checkpoint is null)
        {
            var kept = await checkpoints.OrderBy(c => c.Step).Select(c => c.Step).ToListAsync(ct);
            return (null, [step is null
                ? new ConfigError("model.run_id", $"run {runId} has no checkpoint yet")
                : new ConfigError("model.step", $"run {runId} has no checkpoint at step {step}; " +
                                                (kept.Count == 0 ? "it has none" : $"it has steps {string.Join(", ", kept)}"))]);
        }

        var family = await db.Models.AsNoTracking().Where(m => m.RunId == runId && m.Step == checkpoint.Step).Select(m => m.Family).FirstOrDefaultAsync(ct)
                     ?? ModelFamilies.Guess(TrainedModelName(run));
        return (new EvalModelSource($"{run.Name} · run {runId} step {checkpoint.Step}", EvalModelKinds.Checkpoint, null, checkpoint.Path, true, family,
            runId, checkpoint.Step, run.Queue), []);
    }

    /// <summary>The model a training run started from, read from its stored config.</summary>
    private static string TrainedModelName(Run run)
    {
        var config = JsonSerializer.Deserialize<RunConfig>(run.Config, AzrJson.Options);
        return config?.Model.Path ?? config?.Model.Name ?? "";
    }
}
