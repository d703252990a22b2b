using AbsoluteZero.Data;
using AbsoluteZero.Data.Evaluation;
using Microsoft.EntityFrameworkCore;

namespace AbsoluteZero.Web.Evaluation;

/// <summary>Which samples of an evaluation run to list.</summary>
/// <param name="Passed">Only passing (true) or failing (false) samples.</param>
/// <param name="ProblemId">Only this problem's samples.</param>
public sealed record SampleFilter(string? Benchmark, bool? Passed, string? ProblemId, int Page, int PageSize)
{
    public const int DefaultPageSize = 50;
    public const int MaxPageSize = 200;
}

/// <summary>How far a benchmark of a run has got: samples judged and passed so far.</summary>
public sealed record BenchmarkProgress(string Benchmark, int Samples, int Passed);

/// <summary>Reads what evaluation runs recorded; shared by REST and the UI.</summary>
public sealed class EvalQueries(IDbContextFactory<AzrDbContext> dbs)
{
    /// <summary>The scores of these runs, by run, in benchmark then metric order.</summary>
    public async Task<IReadOnlyDictionary<long, IReadOnlyList<EvalScore>>> ScoresAsync(IReadOnlyCollection<long> runIds, CancellationToken ct)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var scores = await db.EvalScores.AsNoTracking().Where(s => runIds.Contains(s.RunId))
            .OrderBy(s => s.RunId).ThenBy(s => s.Benchmark).ThenBy(s => s.Metric).ToListAsync(ct);
        return runIds.ToDictionary(id => id, id => (IReadOnlyList<EvalScore>)scores.Where(s => s.RunId == id).ToList());
    }

    public async Task<IReadOnlyList<BenchmarkProgress>> ProgressAsync(long runId, CancellationToken ct)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        return await db.EvalSamples.AsNoTracking().Where(s => s.RunId == runId)
            .GroupBy(s => s.Benchmark)
            .Select(g => new BenchmarkProgress(g.Key, g.Count(), g.Count(s => s.Passed)))
            .ToListAsync(ct);
    }

    /// <summary>A page of a run's samples in benchmark, problem and sample order.</summary>
    public async Task<(IReadOnlyList<EvalSample> Samples, int Total)> SamplesAsync(long runId, SampleFilter filter, CancellationToken ct)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var samples = db.EvalSamples.AsNoTracking().Where(s => s.RunId == runId);
        if (filter.Benchmark is { } benchmark)
            samples = samples.Where(s => s.Benchmark == benchmark);
        if (filter.Passed is { } passed)
            samples = samples.Where(s => s.Passed == passed);
        if (filter.ProblemId is { } problem)
            samples = samples.Where(s => s.ProblemId == problem);
        var total = await samples.CountAsync(ct);
        var page = await samples.OrderBy(s => s.Benchmark).ThenBy(s => s.Id)
            .Skip((filter.Page - 1) * filter.PageSize)
            .Take(filter.PageSize)
            .ToListAsync(ct);
        return (page, total);
    }

    public async Task<EvalSample?> SampleAsync(long runId, long sampleId, CancellationToken ct)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        return await db.EvalSamples.AsNoTracking().FirstOrDefaultAsync(s => s.RunId == runId && s.Id == sampleId, ct);
    }
}
