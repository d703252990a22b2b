using AbsoluteZero.Data;
using Microsoft.EntityFrameworkCore;

namespace AbsoluteZero.Web.Training;

/// <summary>
/// A run that starts again (resume, or a restart with no checkpoint) continues from a checkpoint's step; what it
/// recorded after that step belongs to a history that no longer exists and is discarded, in one transaction, before
/// training goes on. So a resumed run's metrics are one series with one point per (name, step), its tasks are the
/// buffers it actually has, and its checkpoint list matches the folder. Log lines are kept: they say what happened.
/// </summary>
public sealed class RunHistory(IDbContextFactory<AzrDbContext> dbs)
{
    /// <summary>
    /// Deletes the run's metrics, tasks and checkpoint rows after <paramref name="step"/> (everything, seeds included,
    /// when it is null: a start from scratch) and sets its current step to it. Returns how many rows went.
    /// </summary>
    public async Task<int> DiscardAfterAsync(long runId, int? step, CancellationToken ct)
    {
        var after = step ?? -1;
        await using var db = await dbs.CreateDbContextAsync(ct);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var removed = await db.Metrics.Where(m => m.RunId == runId && m.Step > after).ExecuteDeleteAsync(ct)
            + await db.Tasks.Where(t => t.RunId == runId && t.Step > after).ExecuteDeleteAsync(ct)
            + await db.Checkpoints.Where(c => c.RunId == runId && c.Step > after).ExecuteDeleteAsync(ct);
        await db.Runs.Where(r => r.Id == runId).ExecuteUpdateAsync(s => s.SetProperty(r => r.CurrentStep, Math.Max(after, 0)), ct);
        await transaction.CommitAsync(ct);
        return removed;
    }
}
