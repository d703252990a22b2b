using AbsoluteZero.Web.Training;

namespace AbsoluteZero.Web.Api.Contracts;

/// <summary><c>GET /api/v1/runs/{id}/metrics</c>: one series per metric name, points in step order.</summary>
public sealed record MetricsResponse(long RunId, IReadOnlyList<MetricSeries> Series);

/// <summary>
/// One metric. Raw: every point, <see cref="Buckets"/> null. Down-sampled (<c>buckets=N</c>): one point per bucket,
/// its last (step, value, wall time), and <see cref="Buckets"/> with min, max and last of each.
/// </summary>
public sealed record MetricSeries(string Name, IReadOnlyList<MetricValue> Points, IReadOnlyList<MetricBucket>? Buckets = null);

public sealed record MetricValue(int Step, double Value, DateTimeOffset WallTime);
