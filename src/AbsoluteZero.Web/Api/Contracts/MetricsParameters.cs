using Microsoft.AspNetCore.Mvc;

namespace AbsoluteZero.Web.Api.Contracts;

/// <summary>Query string of <c>GET /api/v1/runs/{id}/metrics</c>.</summary>
public sealed class MetricsParameters
{
    /// <summary>Metric names to return (repeat the parameter); all when absent.</summary>
    [FromQuery(Name = "name")]
    public string[]? Name { get; init; }

    /// <summary>Only points after this step, e.g. to catch up after a hub reconnect.</summary>
    [FromQuery(Name = "after_step")]
    public int? AfterStep { get; init; }
}
