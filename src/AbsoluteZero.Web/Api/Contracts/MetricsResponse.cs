namespace AbsoluteZero.Web.Api.Contracts;

/// <summary><c>GET /api/v1/runs/{id}/metrics</c>: one series per metric name, points in step order.</summary>
public sealed record MetricsResponse(long RunId, IReadOnlyList<MetricSeries> Series);

public sealed record MetricSeries(string Name, IReadOnlyList<MetricValue> Points);

public sealed record MetricValue(int Step, double Value, DateTimeOffset WallTime);
