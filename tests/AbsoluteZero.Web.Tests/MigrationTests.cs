using AbsoluteZero.Testing;
using AbsoluteZero.Web.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace AbsoluteZero.Web.Tests;

/// <summary>The migrations in /migrations against a brand-new, empty PostgreSQL database.</summary>
public sealed class MigrationTests : IAsyncLifetime
{
    private readonly PostgresDatabase database = new();

    public Task InitializeAsync() => database.InitializeAsync();

    public Task DisposeAsync() => database.DisposeAsync();

    [Fact]
    public async Task Migrations_apply_to_an_empty_database_and_a_second_run_changes_nothing()
    {
        using var host = AdminHost.Build(new HostCustomization(new Dictionary<string, string?> { ["ConnectionStrings:Postgres"] = database.ConnectionString }));
        var dbs = host.Services.GetRequiredService<IDbContextFactory<Data.AzrDbContext>>();
        await using var db = await dbs.CreateDbContextAsync();
        var all = db.Database.GetMigrations().ToList();
        Assert.NotEmpty(all);

        var applied = await DatabaseMigrator.MigrateAsync(host.Services, CancellationToken.None);
        Assert.Equal(all, applied);
        Assert.Equal(all, await db.Database.GetAppliedMigrationsAsync());

        var again = await DatabaseMigrator.MigrateAsync(host.Services, CancellationToken.None);
        Assert.Empty(again);

        await using var connection = await database.OpenAsync();
        var tables = await QueryStringsAsync(connection, "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'");
        foreach (var table in new[] { "runs", "metrics", "tasks", "checkpoints", "models", "eval_samples", "eval_scores", "api_tokens", "users", "roles", "user_roles" })
            Assert.Contains(table, tables);
        var hangfire = await QueryStringsAsync(connection, "SELECT table_name FROM information_schema.tables WHERE table_schema = 'hangfire'");
        Assert.Contains("job", hangfire);
        var roles = await QueryStringsAsync(connection, "SELECT name FROM roles ORDER BY name");
        Assert.Equal(["Admin", "Researcher", "Viewer"], roles);
    }

    [Fact]
    public async Task The_schema_enforces_its_rules()
    {
        using var host = AdminHost.Build(new HostCustomization(new Dictionary<string, string?> { ["ConnectionStrings:Postgres"] = database.ConnectionString }));
        await DatabaseMigrator.MigrateAsync(host.Services, CancellationToken.None);
        await using var connection = await database.OpenAsync();
        var runId = await ScalarAsync<long>(connection,
            "INSERT INTO runs (name, kind, status, config, queue, owner, tags, created_at, current_step, cancel_requested) " +
            "VALUES ('r', 'train', 'queued', '{\"a\": 1}', 'cpu', 'u', ARRAY['x'], now(), 0, false) RETURNING id");

        // A metric point is written once per (run, name, step), so a resumed run cannot duplicate it.
        const string metric = "INSERT INTO metrics (run_id, name, step, value, wall_time) VALUES ({0}, 'loss', 1, 0.5, now())";
        await ExecuteAsync(connection, string.Format(metric, runId));
        var duplicate = await Assert.ThrowsAsync<PostgresException>(() => ExecuteAsync(connection, string.Format(metric, runId)));
        Assert.Equal(PostgresErrorCodes.UniqueViolation, duplicate.SqlState);

        var badStatus = await Assert.ThrowsAsync<PostgresException>(() => ExecuteAsync(connection, $"UPDATE runs SET status = 'paused' WHERE id = {runId}"));
        Assert.Equal(PostgresErrorCodes.CheckViolation, badStatus.SqlState);

        // Deleting a run takes its metrics with it.
        await ExecuteAsync(connection, $"DELETE FROM runs WHERE id = {runId}");
        Assert.Equal(0L, await ScalarAsync<long>(connection, $"SELECT count(*) FROM metrics WHERE run_id = {runId}"));
    }

    private static async Task<List<string>> QueryStringsAsync(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await using var reader = await command.ExecuteReaderAsync();
        var values = new List<string>();
        while (await reader.ReadAsync())
            values.Add(reader.GetString(0));
        return values;
    }

    private static async Task<T> ScalarAsync<T>(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        return (T)(await command.ExecuteScalarAsync())!;
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
