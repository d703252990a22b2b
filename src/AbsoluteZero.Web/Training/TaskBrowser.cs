using AbsoluteZero.Data;
using AbsoluteZero.Data.Tasks;
using AbsoluteZero.Web.Runs;
using Microsoft.EntityFrameworkCore;

namespace AbsoluteZero.Web.Training;

/// <summary>
/// Reads a run's tasks for the buffer browser and REST (<c>GET …/tasks</c>): filtered by <see cref="TaskFilter"/>,
/// paged, in the order they were recorded.
/// </summary>
public sealed class TaskBrowser(IDbContextFactory<AzrDbContext> dbs)
{
    /// <summary>Most distinct reasons <see cref="FailureReasonsAsync"/> returns.</summary>
    public const int MaxReasons = 100;

    public async Task<(IReadOnlyList<ProposedTask> Tasks, int Total)> SearchAsync(long runId, TaskFilter filter, CancellationToken ct)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var tasks = Filtered(db, runId, filter);
        var total = await tasks.CountAsync(ct);
        var ordered = filter.Newest ? tasks.OrderByDescending(t => t.Id) : tasks.OrderBy(t => t.Id);
        var page = await ordered.Skip((filter.Page - 1) * filter.PageSize).Take(filter.PageSize).ToListAsync(ct);
        return (page, total);
    }

    public async Task<ProposedTask?> FindAsync(long runId, long taskId, CancellationToken ct)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        return await db.Tasks.AsNoTracking().FirstOrDefaultAsync(t => t.RunId == runId && t.Id == taskId, ct);
    }

    /// <summary>The failure reasons of the run's rejected tasks, most frequent first, for a filter's choices.</summary>
    public async Task<IReadOnlyList<FailureReasonCount>> FailureReasonsAsync(long runId, CancellationToken ct)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var counts = await db.Tasks.AsNoTracking()
            .Where(t => t.RunId == runId && t.FailureReason != null)
            .GroupBy(t => t.FailureReason!)
            .Select(g => new { Reason = g.Key, Count = g.Count() })
            .OrderByDescending(r => r.Count).ThenBy(r => r.Reason)
            .Take(MaxReasons)
            .ToListAsync(ct);
        return counts.Select(r => new FailureReasonCount(r.Reason, r.Count)).ToList();
    }

    private static IQueryable<ProposedTask> Filtered(AzrDbContext db, long runId, TaskFilter f)
    {
        // The text search reaches into the jsonb arrays of induction inputs and outputs, which LINQ cannot cast.
        var search = string.IsNullOrWhiteSpace(f.Search) ? null : LikePattern.Containing(f.Search);
        var tasks = search is null
            ? db.Tasks.Where(t => t.RunId == runId)
            : db.Tasks.FromSql($"""
                SELECT * FROM tasks WHERE run_id = {runId} AND (
                    program ILIKE {search} OR input ILIKE {search} OR output ILIKE {search} OR message ILIKE {search}
                    OR failure_reason ILIKE {search} OR inputs::text ILIKE {search} OR outputs::text ILIKE {search})
                """);
        tasks = tasks.AsNoTracking();
        if (f.Type is { } type)
            tasks = tasks.Where(t => t.TaskType == type);
        if (f.Valid is { } valid)
            tasks = tasks.Where(t => t.Valid == valid);
        if (f.Origin is { } origin)
            tasks = tasks.Where(t => t.Origin == origin);
        if (f.InBuffer is { } inBuffer)
            tasks = tasks.Where(t => t.AddedToBuffer == inBuffer);
        if (f.Step is { } step)
            tasks = tasks.Where(t => t.Step == step);
        if (f.AtStep is { } atStep)
            tasks = tasks.Where(t => t.Step <= atStep);
        if (f.FromStep is { } from)
            tasks = tasks.Where(t => t.Step >= from);
        if (f.ToStep is { } to)
            tasks = tasks.Where(t => t.Step <= to);
        if (!string.IsNullOrWhiteSpace(f.Reason))
        {
            var reason = LikePattern.Containing(f.Reason);
            tasks = tasks.Where(t => t.FailureReason != null && EF.Functions.ILike(t.FailureReason, reason, LikePattern.Escape));
        }

        return tasks;
    }
}
