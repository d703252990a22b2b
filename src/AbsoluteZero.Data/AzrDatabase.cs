using Microsoft.EntityFrameworkCore;

namespace AbsoluteZero.Data;

/// <summary>How every process (serve, worker, CLI, design-time tools, tests) points EF Core at PostgreSQL.</summary>
public static class AzrDatabase
{
    /// <summary>The configuration key of the connection string (env <c>ConnectionStrings__Postgres</c>).</summary>
    public const string ConnectionStringName = "Postgres";

    /// <summary>Migrations are compiled into their own assembly under /migrations so the model and its history stay apart.</summary>
    public const string MigrationsAssembly = "AbsoluteZero.Migrations";

    public static DbContextOptionsBuilder Configure(DbContextOptionsBuilder options, string connectionString) =>
        options
            .UseNpgsql(connectionString, npgsql => npgsql.MigrationsAssembly(MigrationsAssembly))
            .UseSnakeCaseNamingConvention();
}
