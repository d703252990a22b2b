using AbsoluteZero.Web.Runs;
using AbsoluteZero.Web.Training;
using Microsoft.AspNetCore.Mvc;

namespace AbsoluteZero.Web.Api.Contracts;

/// <summary>Query string of <c>GET /api/v1/runs/{id}/metrics</c>.</summary>
public sealed class MetricsParameters
{
    /// <summary>A metric name to return (repeat the parameter); all when neither this nor <c>names</c> is given.</summary>
    [FromQuery(Name = "name")]
    public string[]? Name { get; init; }

    /// <summary>Metric names separated by commas (may be repeated too).</summary>
    [FromQuery(Name = "names")]
    public string[]? Names { get; init; }

    /// <summary>Only points after this step, e.g. to catch up after a hub reconnect.</summary>
    [FromQuery(Name = "after_step")]
    public int? AfterStep { get; init; }

    /// <summary>First step of the range (inclusive).</summary>
    [FromQuery(Name = "from")]
    public int? From { get; init; }

    /// <summary>Last step of the range (inclusive).</summary>
    [FromQuery(Name = "to")]
    public int? To { get; init; }

    /// <summary>Down-sample each series into this many equal-width step buckets (min, max, last of each), 1–10000.</summary>
    [FromQuery(Name = "buckets")]
    public int? Buckets { get; init; }

    /// <summary>Every requested name, from both parameters.</summary>
    public IReadOnlyList<string> AllNames() =>
        (Name ?? []).Concat((Names ?? []).SelectMany(n => n.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)))
            .Distinct(StringComparer.Ordinal)
            .ToList();

    public bool Validate(FieldErrors errors)
    {
        if (From is { } from && To is { } to && from > to)
            errors.Add("from", $"must not be after to ({from} > {to})");
        if (Buckets is < 1 or > MetricQueries.MaxBuckets)
            errors.Add("buckets", $"must be between 1 and {MetricQueries.MaxBuckets}");
        if (Buckets is not null && AfterStep is not null)
            errors.Add("after_step", "cannot be combined with buckets; use from");
        return !errors.Any;
    }
}
