using AbsoluteZero.Data;
using AbsoluteZero.Web.Security;
using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AbsoluteZero.Web.Hosting;

/// <summary>
/// Brings a database up to date, idempotently: creates it if missing, applies pending EF migrations (EF takes a lock,
/// so two processes starting together do not collide), lets Hangfire install its schema, and makes sure the three
/// roles exist. Run by <c>azr serve</c> at start-up and by <c>azr migrate</c>.
/// </summary>
public static class DatabaseMigrator
{
    /// <summary>Returns the migrations this call applied (empty when the database was already current).</summary>
    public static async Task<IReadOnlyList<string>> MigrateAsync(IServiceProvider services, CancellationToken ct)
    {
        await using var scope = services.CreateAsyncScope();
        var provider = scope.ServiceProvider;
        var dbs = provider.GetRequiredService<IDbContextFactory<AzrDbContext>>();
        await using var db = await dbs.CreateDbContextAsync(ct);
        var pending = (await db.Database.GetPendingMigrationsAsync(ct)).ToList();
        await db.Database.MigrateAsync(ct);

        // Hangfire.PostgreSql installs or upgrades its schema when the storage is first created.
        _ = provider.GetRequiredService<JobStorage>();
        await provider.GetRequiredService<UserAdministration>().EnsureRolesAsync();
        return pending;
    }
}
