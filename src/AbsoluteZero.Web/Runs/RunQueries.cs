using AbsoluteZero.Data;
using AbsoluteZero.Data.Runs;
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
            var pattern = LikePattern.Containing(query.Search);
            runs = runs.Where(r => EF.Functions.ILike(r.Name, pattern, LikePattern.Escape) || (r.Notes != null && EF.Functions.ILike(r.Notes, pattern, LikePattern.Escape)));
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
}
