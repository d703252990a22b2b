using Npgsql;
using Xunit;

namespace AbsoluteZero.Testing;

/// <summary>
/// A real, empty PostgreSQL database of its own for one fixture, on the server named by <c>AZR_TEST_POSTGRES</c>
/// (a connection string without a database, e.g. <c>Host=127.0.0.1;Port=55432;Username=postgres</c>; .ci/run and
/// scripts/test start a private cluster and set it). The database gets a unique name and is dropped afterwards.
/// </summary>
public sealed class PostgresDatabase : IAsyncLifetime
{
    public const string ServerVariable = "AZR_TEST_POSTGRES";

    private readonly NpgsqlConnectionStringBuilder server;

    public PostgresDatabase()
    {
        var value = Environment.GetEnvironmentVariable(ServerVariable);
        if (string.IsNullOrWhiteSpace(value))
        {
            throw new InvalidOperationException(
                $"{ServerVariable} is not set. Tests need a real PostgreSQL server: run scripts/test (it starts a private " +
                $"cluster), or set {ServerVariable}=\"Host=127.0.0.1;Port=5432;Username=postgres\" for a server you run.");
        }

        server = new NpgsqlConnectionStringBuilder(value);
        Name = $"azr_test_{Guid.NewGuid():N}"[..30];
        ConnectionString = new NpgsqlConnectionStringBuilder(value) { Database = Name }.ConnectionString;
    }

    /// <summary>The database's name, unique per fixture.</summary>
    public string Name { get; }

    /// <summary>Connects to this fixture's database.</summary>
    public string ConnectionString { get; }

    public async Task InitializeAsync()
    {
        await using var admin = await OpenAdminAsync();
        await using var create = new NpgsqlCommand($"CREATE DATABASE \"{Name}\"", admin);
        await create.ExecuteNonQueryAsync();
    }

    public async Task DisposeAsync()
    {
        await using (var connection = new NpgsqlConnection(ConnectionString))
            NpgsqlConnection.ClearPool(connection);
        await using var admin = await OpenAdminAsync();
        // FORCE ends connections the code under test may still hold (Hangfire, the status relay).
        await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{Name}\" WITH (FORCE)", admin);
        await drop.ExecuteNonQueryAsync();
    }

    public async Task<NpgsqlConnection> OpenAsync()
    {
        var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        return connection;
    }

    private async Task<NpgsqlConnection> OpenAdminAsync()
    {
        var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(server.ConnectionString) { Database = "postgres", Pooling = false }.ConnectionString);
        await connection.OpenAsync();
        return connection;
    }
}
