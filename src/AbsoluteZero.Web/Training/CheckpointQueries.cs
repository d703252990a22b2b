using AbsoluteZero.Data;
using AbsoluteZero.Data.Checkpoints;
using AbsoluteZero.Data.Runs;
using Microsoft.EntityFrameworkCore;

namespace AbsoluteZero.Web.Training;

/// <summary>A run's checkpoints and log, for REST and the run page.</summary>
public sealed class CheckpointQueries(IDbContextFactory<AzrDbContext> dbs)
{
    /// <summary>Most log lines one read returns.</summary>
    public const int MaxLogLines = 5000;

    /// <summary>Every checkpoint recorded for the run, oldest step first (removed folders included, marked so).</summary>
    public async Task<IReadOnlyList<Checkpoint>> ListAsync(long runId, CancellationToken ct)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        return await db.Checkpoints.AsNoTracking().Where(c => c.RunId == runId).OrderBy(c => c.Step).ToListAsync(ct);
    }

    public async Task<Checkpoint?> FindAsync(long runId, int step, CancellationToken ct)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        return await db.Checkpoints.AsNoTracking().FirstOrDefaultAsync(c => c.RunId == runId && c.Step == step, ct);
    }

    /// <summary>Log lines after <paramref name="afterId"/> (all when null), oldest first, at most <paramref name="limit"/>.</summary>
    public async Task<IReadOnlyList<RunLogLine>> LogAsync(long runId, long? afterId, int limit, CancellationToken ct)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var lines = db.RunLogs.AsNoTracking().Where(l => l.RunId == runId);
        if (afterId is { } after)
            lines = lines.Where(l => l.Id > after);
        return await lines.OrderBy(l => l.Id).Take(Math.Clamp(limit, 1, MaxLogLines)).ToListAsync(ct);
    }
}
