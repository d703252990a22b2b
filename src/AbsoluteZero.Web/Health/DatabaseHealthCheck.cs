using AbsoluteZero.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace AbsoluteZero.Web.Health;

/// <summary>Healthy when PostgreSQL answers and every migration is applied; degraded when migrations are pending.</summary>
public sealed class DatabaseHealthCheck(IDbContextFactory<AzrDbContext> dbs) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken ct = default)
    {
        try
        {
            await using var db = await dbs.CreateDbContextAsync(ct);
            if (!await db.Database.CanConnectAsync(ct))
                return HealthCheckResult.Unhealthy("cannot connect to PostgreSQL");
            var pending = (await db.Database.GetPendingMigrationsAsync(ct)).ToList();
            return pending.Count == 0
                ? HealthCheckResult.Healthy("connected; schema up to date")
                : HealthCheckResult.Degraded($"connected; {pending.Count} migration(s) pending: run azr migrate");
        }
        catch (Exception e)
        {
            return HealthCheckResult.Unhealthy("database error: " + e.Message, e);
        }
    }
}
