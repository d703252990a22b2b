using AbsoluteZero.Core.Tasks;
using AbsoluteZero.Data;
using AbsoluteZero.Data.Runs;
using AbsoluteZero.Data.Tasks;
using Microsoft.EntityFrameworkCore;

namespace AbsoluteZero.Web.Runs;

/// <summary>Reads runs and what they produced; shared by REST and the UI.</summary>
public sealed class RunQueries(IDbContextFactory<AzrDbContext> dbs)
{
    public async Task<(IReadOnlyList<Run> Runs, int Total)> ListAsync(RunQuery query, CancellationToken ct)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var runs = db.Runs.AsNoTracking();
        if (query.Status is { } status)
            runs = runs.Where(r => r.Status == status);
        if (query.Kind is { } kind)
            runs = runs.Where(r => r.Kind == kind);
        if (!string.IsNullOrEmpty(query.Owner))
            runs = runs.Where(r => r.Owner == query.Owner);
        if (!string.IsNullOrEmpty(query.Tag))
            runs = runs.Where(r => r.Tags.Contains(query.Tag));
        if (!string.IsNullOrWhiteSpace(query.Search))
        {
            var pattern = "%" + query.Search.Trim().Replace("\\", "\\\\").Replace("%", "\\%").Replace("_", "\\_") + "%";
            runs = runs.Where(r => EF.Functions.ILike(r.Name, pattern, "\\") || (r.Notes != null && EF.Functions.ILike(r.Notes, pattern, "\\")));
        }

        var total = await runs.CountAsync(ct);
        var page = await runs.OrderByDescending(r => r.Id)
            .Skip((query.Page - 1) * query.PageSize)
            .Take(query.PageSize)
            .ToListAsync(ct);
        return (page, total);
    }

    public async Task<Run?> FindAsync(long runId, CancellationToken ct)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        return await db.Runs.AsNoTracking().FirstOrDefaultAsync(r => r.Id == runId, ct);
    }

    /// <summary>Points of the named metrics (all when none named) after <paramref name="afterStep"/>, by name then step.</summary>
    public async Task<IReadOnlyList<MetricPoint>> MetricsAsync(long runId, IReadOnlyCollection<string> names, int? afterStep, CancellationToken ct)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var points = db.Metrics.AsNoTracking().Where(m => m.RunId == runId);
        if (names.Count > 0)
            points = points.Where(m => names.Contains(m.Name));
        if (afterStep is { } after)
            points = points.Where(m => m.Step > after);
        return await points.OrderBy(m => m.Name).ThenBy(m => m.Step).ToListAsync(ct);
    }

    /// <summary>
    /// A page of the run's tasks. With <paramref name="atStep"/> it is the buffer as it stood after that step: tasks added
    /// at step ≤ it.
    /// </summary>
    public async Task<(IReadOnlyList<ProposedTask> Tasks, int Total)> TasksAsync(
        long runId, TaskType? taskType, bool? valid, int? atStep, int page, int pageSize, CancellationToken ct)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var tasks = db.Tasks.AsNoTracking().Where(t => t.RunId == runId);
        if (taskType is { } type)
            tasks = tasks.Where(t => t.TaskType == type);
        if (valid is { } v)
            tasks = tasks.Where(t => t.Valid == v);
        if (atStep is { } s)
            tasks = tasks.Where(t => t.Step <= s);
        var total = await tasks.CountAsync(ct);
        var items = await tasks.OrderBy(t => t.Id).Skip((page - 1) * pageSize).Take(pageSize).ToListAsync(ct);
        return (items, total);
    }
}
