using System.Text.Json;
using AbsoluteZero.Core.Json;
using AbsoluteZero.Data;
using AbsoluteZero.Data.Runs;
using AbsoluteZero.Web.Live;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Query;

namespace AbsoluteZero.Web.Runs;

/// <summary>
/// Every change of a run's status. Each is one conditional UPDATE (only from the status it expects), so a cancel and a
/// job starting at the same moment cannot both win, plus a NOTIFY in the same transaction that
/// <see cref="RunEventRelay"/> turns into a hub event.
/// </summary>
public sealed class RunLifecycle(IDbContextFactory<AzrDbContext> dbs, TimeProvider time)
{
    public const string StatusChannel = "azr_run_status";

    /// <summary>queued → running. Returns the started run, or null when the run was not queued.</summary>
    public Task<Run?> StartAsync(long runId, string workerHost, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        return MoveAsync(runId, RunStatus.Queued, s => s
            .SetProperty(r => r.Status, RunStatus.Running)
            .SetProperty(r => r.StartedAt, now)
            .SetProperty(r => r.WorkerHost, workerHost), ct);
    }

    /// <summary>queued → cancelled at once; nothing ever ran.</summary>
    public Task<Run?> CancelQueuedAsync(long runId, string by, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        return MoveAsync(runId, RunStatus.Queued, s => s
            .SetProperty(r => r.Status, RunStatus.Cancelled)
            .SetProperty(r => r.FinishedAt, now)
            .SetProperty(r => r.StopReason, StopReasons.Cancelled)
            .SetProperty(r => r.CancelRequested, true)
            .SetProperty(r => r.CancelRequestedBy, by), ct);
    }

    /// <summary>Marks a running run for cancellation; its job notices and stops it.</summary>
    public Task<Run?> RequestCancelAsync(long runId, string by, CancellationToken ct) =>
        MoveAsync(runId, RunStatus.Running, s => s
            .SetProperty(r => r.CancelRequested, true)
            .SetProperty(r => r.CancelRequestedBy, by), ct);

    /// <summary>running (or, when a job could not be enqueued, queued) → a final status.</summary>
    public Task<Run?> FinishAsync(long runId, RunStatus from, RunStatus to, string stopReason, string? error, CancellationToken ct)
    {
        if (!to.IsFinal())
            throw new ArgumentException($"{to} is not a final status", nameof(to));
        var now = time.GetUtcNow();
        return MoveAsync(runId, from, s => s
            .SetProperty(r => r.Status, to)
            .SetProperty(r => r.FinishedAt, now)
            .SetProperty(r => r.StopReason, stopReason)
            .SetProperty(r => r.Error, error), ct);
    }

    /// <summary>
    /// A failed or cancelled run → queued again (resume): how it ended is cleared; the job started next continues it
    /// from its last checkpoint.
    /// </summary>
    public Task<Run?> RequeueAsync(long runId, RunStatus from, CancellationToken ct)
    {
        if (from is not (RunStatus.Failed or RunStatus.Cancelled))
            throw new ArgumentException($"only failed or cancelled runs are queued again, not {from}", nameof(from));
        return MoveAsync(runId, from, s => s
            .SetProperty(r => r.Status, RunStatus.Queued)
            .SetProperty(r => r.StartedAt, (DateTimeOffset?)null)
            .SetProperty(r => r.FinishedAt, (DateTimeOffset?)null)
            .SetProperty(r => r.WorkerHost, (string?)null)
            .SetProperty(r => r.Error, (string?)null)
            .SetProperty(r => r.StopReason, (string?)null)
            .SetProperty(r => r.CancelRequested, false)
            .SetProperty(r => r.CancelRequestedBy, (string?)null), ct);
    }

    public async Task<bool> IsCancelRequestedAsync(long runId, CancellationToken ct)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        return await db.Runs.Where(r => r.Id == runId).Select(r => r.CancelRequested).FirstOrDefaultAsync(ct);
    }

    public async Task<RunStatus?> StatusOfAsync(long runId, CancellationToken ct)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        return await db.Runs.Where(r => r.Id == runId).Select(r => (RunStatus?)r.Status).FirstOrDefaultAsync(ct);
    }

    private async Task<Run?> MoveAsync(
        long runId, RunStatus from, Action<UpdateSettersBuilder<Run>> set, CancellationToken ct)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var changed = await db.Runs.Where(r => r.Id == runId && r.Status == from).ExecuteUpdateAsync(set, ct);
        if (changed == 0)
            return null;

        var run = await db.Runs.AsNoTracking().FirstAsync(r => r.Id == runId, ct);
        var payload = JsonSerializer.Serialize(StatusEvent.From(run, time.GetUtcNow()), AzrJson.Options);
        await db.Database.ExecuteSqlAsync($"SELECT pg_notify({StatusChannel}, {payload})", ct);
        await transaction.CommitAsync(ct);
        return run;
    }
}
