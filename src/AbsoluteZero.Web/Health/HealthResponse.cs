using System.Text.Json;
using AbsoluteZero.Core.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace AbsoluteZero.Web.Health;

/// <summary>
/// <c>/health</c> as JSON: <c>{"status": "healthy", "checks": {"database": {"status": …, "description": …}, …}}</c>;
/// 200 when healthy or degraded, 503 when unhealthy.
/// </summary>
public static class HealthResponse
{
    public static Task WriteAsync(HttpContext context, HealthReport report)
    {
        var body = new
        {
            Status = Name(report.Status),
            Checks = report.Entries.ToDictionary(e => e.Key, e => new { Status = Name(e.Value.Status), e.Value.Description }),
        };
        context.Response.ContentType = "application/json";
        return context.Response.WriteAsync(JsonSerializer.Serialize(body, AzrJson.Options));
    }

    private static string Name(HealthStatus status) => status.ToString().ToLowerInvariant();
}
