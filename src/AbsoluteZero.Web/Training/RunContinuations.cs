using System.Security.Claims;
using System.Text.Json;
using System.Text.Json.Nodes;
using AbsoluteZero.Core.Configuration;
using AbsoluteZero.Core.Json;
using AbsoluteZero.Data;
using AbsoluteZero.Data.Runs;
using AbsoluteZero.Web.Api.Contracts;
using AbsoluteZero.Web.Runs;
using Microsoft.EntityFrameworkCore;

namespace AbsoluteZero.Web.Training;

public enum ContinuationOutcome
{
    Done,
    NotFound,
    Forbidden,

    /// <summary>The run is not in a state (or of a kind) that allows it; <see cref="RunContinuation.Problem"/> says why.</summary>
    Conflict,

    /// <summary>The request's fields are wrong; <see cref="RunContinuation.Errors"/> names them.</summary>
    Invalid,
}

public sealed record RunContinuation(ContinuationOutcome Outcome, Run? Run = null, string? Problem = null, Dictionary<string, string[]>? Errors = null);

/// <summary>
/// What can follow a training run, for REST and the UI alike. <b>Resume</b> puts a failed or cancelled run back in the
/// queue under the same id: its job starts <c>azr train --run ID</c> again, which continues from the newest
/// checkpoint in the run's folder (or from scratch when there is none) and discards what was recorded after it, so
/// the run's metrics stay one series without duplicate points. <b>Fork</b> queues a new run (<c>parent_run_id</c> set)
/// from the source's config with overrides, optionally from one of its checkpoints and seeded with its buffers.
/// </summary>
public sealed class RunContinuations(IDbContextFactory<AzrDbContext> dbs, RunService runs, RunLifecycle lifecycle, TimeProvider time)
{
    public async Task<RunContinuation> ResumeAsync(long runId, ClaimsPrincipal user, CancellationToken ct)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var run = await db.Runs.AsNoTracking().FirstOrDefaultAsync(r => r.Id == runId, ct);
        if (run is null)
            return new RunContinuation(ContinuationOutcome.NotFound);
        if (!RunService.CanCancel(user, run))
            return new RunContinuation(ContinuationOutcome.Forbidden, run, $"Run {runId} belongs to {run.Owner}; only its owner or an admin may resume it.");
        if (run.Kind != RunKind.Train)
            return new RunContinuation(ContinuationOutcome.Conflict, run, $"Run {runId} is an evaluation; only training runs resume.");
        if (run.Status is not (RunStatus.Failed or RunStatus.Cancelled)
            || await lifecycle.RequeueAsync(runId, run.Status, ct) is null)
        {
            var now = await lifecycle.StatusOfAsync(runId, ct);
            return new RunContinuation(ContinuationOutcome.Conflict, run,
                $"Run {runId} is {Name(now ?? run.Status)}; only failed or cancelled runs resume.");
        }

        return new RunContinuation(ContinuationOutcome.Done, await runs.EnqueueAsync(runId, run.Queue, ct));
    }

    public async Task<RunContinuation> ForkAsync(long sourceId, ForkRunRequest request, ClaimsPrincipal user, CancellationToken ct)
    {
        if (!RunService.CanSubmit(user) || user.Identity?.Name is not { } owner)
            throw new UnauthorizedAccessException("only admins and researchers queue runs");
        await using var db = await dbs.CreateDbContextAsync(ct);
        var source = await db.Runs.AsNoTracking().FirstOrDefaultAsync(r => r.Id == sourceId, ct);
        if (source is null)
            return new RunContinuation(ContinuationOutcome.NotFound);
        if (source.Kind != RunKind.Train)
            return new RunContinuation(ContinuationOutcome.Conflict, source, $"Run {sourceId} is an evaluation; only training runs fork.");

        var errors = new FieldErrors();
        var overrides = request.Config?.DeepClone().AsObject();
        if (request.CheckpointStep is { } checkpointStep)
            overrides = await FromCheckpointAsync(db, source, checkpointStep, overrides, errors, ct);
        if (request.BuffersStep is { } buffersStep)
            CheckBuffersStep(source, buffersStep, overrides, errors);

        var baseline = JsonSerializer.Deserialize<RunConfig>(source.Config, AzrJson.Options)!;
        var draft = RunRequestBinder.Bind(new CreateRunRequest(
            RunKind.Train, source.Preset, request.Steps, overrides, request.Name ?? Truncate("fork of " + source.Name),
            request.Tags ?? source.Tags, request.Notes, request.Queue ?? source.Queue), errors, baseline);
        if (draft is null || errors.Any)
            return new RunContinuation(ContinuationOutcome.Invalid, Errors: errors.ToDictionary());

        var fork = await runs.InsertAndEnqueueAsync(new Run
        {
            Name = draft.Name,
            Kind = RunKind.Train,
            Preset = draft.Preset,
            Config = draft.ConfigJson,
            Queue = draft.Queue,
            Owner = owner,
            Tags = draft.Tags,
            Notes = draft.Notes,
            TotalSteps = draft.TotalSteps,
            CreatedAt = time.GetUtcNow(),
            ParentRunId = source.Id,
            SeedBuffersStep = request.BuffersStep,
        }, ct);
        return new RunContinuation(ContinuationOutcome.Done, fork);
    }

    /// <summary>The source's checkpoint becomes the fork's <c>model.path</c>.</summary>
    private static async Task<JsonObject?> FromCheckpointAsync(
        AzrDbContext db, Run source, int step, JsonObject? overrides, FieldErrors errors, CancellationToken ct)
    {
        var available = await db.Checkpoints.AsNoTracking()
            .Where(c => c.RunId == source.Id && c.RemovedAt == null)
            .OrderBy(c => c.Step)
            .Select(c => new { c.Step, c.Path })
            .ToListAsync(ct);
        var checkpoint = available.FirstOrDefault(c => c.Step == step);
        if (checkpoint is null)
        {
            errors.Add("checkpoint_step", available.Count == 0
                ? $"run {source.Id} has no checkpoint on disk"
                : $"run {source.Id} has no checkpoint of step {step} on disk; it has steps {string.Join(", ", available.Select(c => c.Step))}");
            return overrides;
        }

        if (overrides?["model"] is JsonObject model && model.ContainsKey("path"))
        {
            errors.Add("checkpoint_step", "cannot be combined with config.model.path; the checkpoint is the model");
            return overrides;
        }

        overrides ??= [];
        if (overrides["model"] is not JsonObject modelOverrides)
            overrides["model"] = modelOverrides = [];
        modelOverrides["path"] = checkpoint.Path;
        return overrides;
    }

    private static void CheckBuffersStep(Run source, int step, JsonObject? overrides, FieldErrors errors)
    {
        if (step < 0 || step > source.CurrentStep)
            errors.Add("buffers_step", $"must be between 0 and run {source.Id}'s last recorded step, {source.CurrentStep}");
        if (overrides?["self_play"] is JsonObject selfPlay && (selfPlay.ContainsKey("seed_file") || selfPlay.ContainsKey("induction_seed_file")))
            errors.Add("buffers_step", "cannot be combined with config.self_play.seed_file or induction_seed_file; the buffers are the seeds");
    }

    private static string Truncate(string name) => name.Length <= RunRequestBinder.MaxNameLength ? name : name[..RunRequestBinder.MaxNameLength];

    private static string Name(RunStatus status) => status.ToString().ToLowerInvariant();
}
