using System.Security.Claims;
using AbsoluteZero.Data;
using AbsoluteZero.Data.Identity;
using AbsoluteZero.Data.Runs;
using AbsoluteZero.Web.Api.Contracts;
using AbsoluteZero.Web.Evaluation;
using Hangfire;
using Hangfire.Common;
using Hangfire.States;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace AbsoluteZero.Web.Runs;

/// <summary>The result of asking for a run: the queued run, or the field errors that stopped it (nothing was written).</summary>
public sealed record RunCreation(Run? Run, Dictionary<string, string[]>? Errors);

public enum CancelOutcome
{
    NotFound,
    Forbidden,
    AlreadyFinished,
    Cancelled,
    CancelRequested,
}

public sealed record RunCancellation(CancelOutcome Outcome, Run? Run);

/// <summary>
/// Queues and cancels runs, for REST and the UI alike, with the same validation and the same authorization rules:
/// admins and researchers queue runs; a researcher cancels only their own runs; an admin cancels any.
/// </summary>
public sealed class RunService(
    IDbContextFactory<AzrDbContext> dbs, IBackgroundJobClient jobs, RunLifecycle lifecycle, EvalModelResolver evalModels, TimeProvider time,
    ILogger<RunService> log)
{
    public static bool CanSubmit(ClaimsPrincipal user) => user.IsInRole(AzrRoles.Admin) || user.IsInRole(AzrRoles.Researcher);

    public static bool CanCancel(ClaimsPrincipal user, Run run) =>
        user.IsInRole(AzrRoles.Admin) || (user.IsInRole(AzrRoles.Researcher) && run.Owner == user.Identity?.Name);

    /// <summary>Validates the request, inserts the run as queued and enqueues its job on the run's queue.</summary>
    public async Task<RunCreation> CreateAsync(CreateRunRequest request, ClaimsPrincipal user, CancellationToken ct)
    {
        if (!CanSubmit(user) || user.Identity?.Name is not { } owner)
            throw new UnauthorizedAccessException("only admins and researchers queue runs");

        var errors = new FieldErrors();
        var draft = RunRequestBinder.Bind(request, errors);
        if (draft is { Kind: RunKind.Eval })
            draft = await evalModels.PinAsync(draft, request.Name is not null, request.Queue is not null, errors, ct);
        if (draft is null)
            return new RunCreation(null, errors.ToDictionary());

        return new RunCreation(await InsertAndEnqueueAsync(draft.ToRun(owner, time.GetUtcNow()), ct), null);
    }

    /// <summary>Inserts a queued run and enqueues its job; the run as it is after both.</summary>
    public async Task<Run> InsertAndEnqueueAsync(Run run, CancellationToken ct)
    {
        await using (var db = await dbs.CreateDbContextAsync(ct))
        {
            db.Runs.Add(run);
            await db.SaveChangesAsync(ct);
        }

        return await EnqueueAsync(run.Id, run.Queue, ct);
    }

    /// <summary>
    /// Enqueues the job of a queued run on <paramref name="queue"/> and records its id. If enqueueing fails the run is
    /// marked failed with the reason, and the exception goes on.
    /// </summary>
    public async Task<Run> EnqueueAsync(long runId, string queue, CancellationToken ct)
    {
        string jobId;
        try
        {
            jobId = jobs.Create(Job.FromExpression<RunJob>(j => j.ExecuteAsync(runId, CancellationToken.None)), new EnqueuedState(queue));
        }
        catch (Exception e)
        {
            log.LogError(e, "Could not enqueue run {RunId}", runId);
            await lifecycle.FinishAsync(runId, RunStatus.Queued, RunStatus.Failed, StopReasons.Error, "could not enqueue the run's job: " + e.Message, CancellationToken.None);
            throw;
        }

        // Only the job id: the job may already have moved the run on.
        await using var db = await dbs.CreateDbContextAsync(ct);
        await db.Runs.Where(r => r.Id == runId).ExecuteUpdateAsync(s => s.SetProperty(r => r.JobId, jobId), ct);
        return await db.Runs.AsNoTracking().FirstAsync(r => r.Id == runId, ct);
    }

    /// <summary>
    /// Queued: cancelled at once and its job deleted. Running: cancel requested; the job stops the run and records it
    /// cancelled. Finished: refused.
    /// </summary>
    public async Task<RunCancellation> CancelAsync(long runId, ClaimsPrincipal user, CancellationToken ct)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var run = await db.Runs.AsNoTracking().FirstOrDefaultAsync(r => r.Id == runId, ct);
        if (run is null)
            return new RunCancellation(CancelOutcome.NotFound, null);
        if (!CanCancel(user, run))
            return new RunCancellation(CancelOutcome.Forbidden, run);

        var by = user.Identity!.Name!;
        if (run.Status == RunStatus.Queued && await lifecycle.CancelQueuedAsync(runId, by, ct) is { } cancelled)
        {
            if (cancelled.JobId is not null)
                jobs.Delete(cancelled.JobId);
            return new RunCancellation(CancelOutcome.Cancelled, cancelled);
        }

        // Not queued, or it started between the read and the update.
        if (await lifecycle.RequestCancelAsync(runId, by, ct) is { } requested)
            return new RunCancellation(CancelOutcome.CancelRequested, requested);

        var now = await db.Runs.AsNoTracking().FirstAsync(r => r.Id == runId, ct);
        return new RunCancellation(CancelOutcome.AlreadyFinished, now);
    }
}
