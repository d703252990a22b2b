using AbsoluteZero.Data;
using AbsoluteZero.Data.Runs;
using Microsoft.EntityFrameworkCore;

namespace AbsoluteZero.Web.Training;

/// <summary>
/// One bucket of a down-sampled metric series: the points with steps in [<see cref="FromStep"/>, <see cref="ToStep"/>]
/// (the first and last step present), their minimum and maximum, and the value and wall time of the last of them.
/// </summary>
public sealed record MetricBucket(int FromStep, int ToStep, double Min, double Max, double Last, DateTimeOffset LastWallTime, int Count);

/// <summary>A down-sampled series: buckets in step order, only those holding points.</summary>
public sealed record BucketedSeries(string Name, IReadOnlyList<MetricBucket> Buckets);

/// <summary>
/// Reads a run's metric series, for REST (<c>GET …/metrics</c>), <c>azr watch</c>'s catch-up and the run page alike:
/// raw points, or down-sampled server-side for charts (DESIGN.md §4): the step range is cut into equal-width buckets
/// and each keeps min, max and last, so a 100,000-point series draws from a few hundred rows and neither a spike nor
/// the latest value is lost.
/// </summary>
public sealed class MetricQueries(IDbContextFactory<AzrDbContext> dbs)
{
    public const int MaxBuckets = 10_000;

    /// <summary>
    /// Points of the named metrics (all when none named) with steps in [<paramref name="fromStep"/>,
    /// <paramref name="toStep"/>] and after <paramref name="afterStep"/> (each bound optional), by name then step.
    /// </summary>
    public async Task<IReadOnlyList<MetricPoint>> PointsAsync(
        long runId, IReadOnlyCollection<string> names, int? afterStep, int? fromStep, int? toStep, CancellationToken ct)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var points = Filtered(db, runId, names, fromStep, toStep);
        if (afterStep is { } after)
            points = points.Where(m => m.Step > after);
        return await points.OrderBy(m => m.Name).ThenBy(m => m.Step).ToListAsync(ct);
    }

    /// <summary>
    /// The named series (all when <paramref name="names"/> is empty) of the run over steps
    /// [<paramref name="fromStep"/>, <paramref name="toStep"/>] (the recorded extent when null), in
    /// <paramref name="buckets"/> buckets of equal step width.
    /// </summary>
    public async Task<IReadOnlyList<BucketedSeries>> BucketsAsync(
        long runId, IReadOnlyCollection<string> names, int? fromStep, int? toStep, int buckets, CancellationToken ct)
    {
        if (buckets is < 1 or > MaxBuckets)
            throw new ArgumentOutOfRangeException(nameof(buckets), buckets, $"must be between 1 and {MaxBuckets}");
        await using var db = await dbs.CreateDbContextAsync(ct);
        var recorded = Filtered(db, runId, names, fromStep, toStep);
        if (await recorded.MinAsync(m => (int?)m.Step, ct) is not { } first)
            return [];

        var low = fromStep ?? first;
        var high = toStep ?? await recorded.MaxAsync(m => m.Step, ct);
        var nameFilter = names.Count > 0 ? names.ToArray() : null;
        // width_bucket splits [low, high + 1) into equal widths: bucket b (1-based) holds the steps with
        // low + (b-1)·w ≤ step < low + b·w, w = (high + 1 − low) / buckets. Columns are snake_case because EF maps
        // BucketRow with the context's naming convention.
        var rows = await db.Database.SqlQuery<BucketRow>($"""
            SELECT name, width_bucket(step, {low}, {high + 1}, {buckets}) AS bucket,
                   min(step) AS from_step, max(step) AS to_step, min(value) AS min, max(value) AS max,
                   (array_agg(value ORDER BY step DESC))[1] AS last, (array_agg(wall_time ORDER BY step DESC))[1] AS last_wall_time,
                   count(*)::int AS count
            FROM metrics
            WHERE run_id = {runId} AND step BETWEEN {low} AND {high} AND ({nameFilter}::text[] IS NULL OR name = ANY({nameFilter}))
            GROUP BY name, 2
            ORDER BY name, 2
            """).ToListAsync(ct);
        return rows.GroupBy(r => r.Name)
            .Select(g => new BucketedSeries(g.Key, g.Select(r => new MetricBucket(r.FromStep, r.ToStep, r.Min, r.Max, r.Last, r.LastWallTime, r.Count)).ToList()))
            .ToList();
    }

    private static IQueryable<MetricPoint> Filtered(AzrDbContext db, long runId, IReadOnlyCollection<string> names, int? fromStep, int? toStep)
    {
        var points = db.Metrics.AsNoTracking().Where(m => m.RunId == runId);
        if (names.Count > 0)
            points = points.Where(m => names.Contains(m.Name));
        if (fromStep is { } from)
            points = points.Where(m => m.Step >= from);
        if (toStep is { } to)
            points = points.Where(m => m.Step <= to);
        return points;
    }

    private sealed record BucketRow(string Name, int Bucket, int FromStep, int ToStep, double Min, double Max, double Last, DateTimeOffset LastWallTime, int Count);
}
