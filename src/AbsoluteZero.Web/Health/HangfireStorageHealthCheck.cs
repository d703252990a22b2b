using Hangfire;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace AbsoluteZero.Web.Health;

/// <summary>Healthy when Hangfire's storage answers; reports how many servers (serve and workers) are alive.</summary>
public sealed class HangfireStorageHealthCheck(JobStorage storage) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken ct = default)
    {
        try
        {
            var monitoring = storage.GetMonitoringApi();
            var servers = monitoring.Servers();
            var enqueued = monitoring.Queues().Sum(q => q.Length);
            return Task.FromResult(HealthCheckResult.Healthy(
                $"{servers.Count} server(s), {enqueued} job(s) enqueued",
                new Dictionary<string, object> { ["servers"] = servers.Count, ["enqueued"] = enqueued }));
        }
        catch (Exception e)
        {
            return Task.FromResult(HealthCheckResult.Unhealthy("Hangfire storage error: " + e.Message, e));
        }
    }
}
