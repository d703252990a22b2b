using AbsoluteZero.Core.Configuration;
using AbsoluteZero.Evaluation.Leaderboard;
using AbsoluteZero.Web.Runs;
using Microsoft.AspNetCore.Mvc;

namespace AbsoluteZero.Web.Api.Contracts;

/// <summary>Query string of <c>GET /api/v1/leaderboard</c>.</summary>
public sealed class LeaderboardParameters
{
    /// <summary>Only these benchmark columns (repeatable), and the rows scored on at least one of them.</summary>
    [FromQuery(Name = "benchmark")]
    public string[]? Benchmark { get; init; }

    /// <summary>Architecture family: qwen2 or llama.</summary>
    [FromQuery(Name = "family")]
    public string? Family { get; init; }

    /// <summary>reported (the paper's figures) or measured (our evaluation runs).</summary>
    [FromQuery(Name = "kind")]
    public string? Kind { get; init; }

    /// <summary>Case-insensitive substring of the model name.</summary>
    [FromQuery(Name = "search")]
    public string? Search { get; init; }

    /// <summary>overall (default), code_average, math_average, model, or a benchmark name.</summary>
    [FromQuery(Name = "sort")]
    public string? Sort { get; init; }

    /// <summary>desc (default) or asc; rows without a value go last either way.</summary>
    [FromQuery(Name = "order")]
    public string? Order { get; init; }

    public LeaderboardQuery? ToQuery(FieldErrors errors)
    {
        foreach (var name in (Benchmark ?? []).Where(b => !BenchmarkNames.IsKnown(b)))
            errors.Add("benchmark", $"unknown benchmark '{name}'; one of: {string.Join(", ", BenchmarkNames.All)}");
        var kind = RunListParameters.ParseEnum<LeaderboardRowKind>("kind", Kind, errors);
        var sort = Sort ?? LeaderboardQuery.Overall;
        if (!LeaderboardQuery.SummarySortKeys.Contains(sort) && !BenchmarkNames.IsKnown(sort))
            errors.Add("sort", $"unknown sort key '{sort}'; one of: {string.Join(", ", LeaderboardQuery.SummarySortKeys)}, or a benchmark name");
        if (Order is not null and not ("asc" or "desc"))
            errors.Add("order", $"unknown value '{Order}'; one of: asc, desc");
        return errors.Any
            ? null
            : new LeaderboardQuery(Benchmark is { Length: > 0 } ? Benchmark.Distinct().ToList() : null, string.IsNullOrWhiteSpace(Family) ? null : Family.Trim(),
                kind, Search, sort, Order != "asc");
    }
}
