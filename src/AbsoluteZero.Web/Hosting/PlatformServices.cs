using AbsoluteZero.Data;
using AbsoluteZero.Data.Identity;
using AbsoluteZero.Data.Runs;
using AbsoluteZero.Web.Evaluation;
using AbsoluteZero.Web.Runs;
using AbsoluteZero.Web.Training;
using AbsoluteZero.Web.Security;
using Hangfire;
using Hangfire.AspNetCore;
using Hangfire.PostgreSql;
using Hangfire.PostgreSql.Factories;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;

namespace AbsoluteZero.Web.Hosting;

/// <summary>Service registrations shared by <c>azr serve</c>, <c>azr worker</c> and the database commands.</summary>
public static class PlatformServices
{
    /// <summary>Hangfire keeps its tables in their own schema, apart from the application's.</summary>
    public const string HangfireSchema = "hangfire";

    public static IServiceCollection AddAzrDatabase(this IServiceCollection services, IConfiguration configuration)
    {
        var connectionString = ConnectionStrings.Postgres(configuration);
        services.AddDbContextFactory<AzrDbContext>(options => AzrDatabase.Configure(options, connectionString));
        services.TryAddSingleton(TimeProvider.System);
        return services;
    }

    /// <summary>Users and roles without the web's cookies, for the command line.</summary>
    public static IServiceCollection AddAzrUserStore(this IServiceCollection services)
    {
        services.AddIdentityCore<AzrUser>(AzrIdentity.Configure)
            .AddRoles<IdentityRole>()
            .AddEntityFrameworkStores<AzrDbContext>();
        services.AddScoped<UserAdministration>();
        return services;
    }

    /// <summary>Hangfire storage and everything a run's job needs; serve and worker add a Hangfire server on top.</summary>
    public static IServiceCollection AddAzrRuns(this IServiceCollection services, IConfiguration configuration)
    {
        var connectionString = ConnectionStrings.Postgres(configuration);
        services.Configure<PlatformOptions>(configuration.GetSection(PlatformOptions.Section));
        // Storage, job activator and log provider are this container's own. Hangfire otherwise hands out its globals
        // (JobStorage.Current, JobActivator.Current, the LibLog provider), which are last-writer-wins once two hosts
        // share a process, as serve and worker hosts do in the tests: jobs were run by the other host's services
        // against the other host's database, or stranded when the other host stopped (see HangfireLogProvider).
        services.AddSingleton<JobActivator>(provider => new AspNetCoreJobActivator(provider.GetRequiredService<IServiceScopeFactory>()));
        services.AddSingleton<JobStorage>(_ =>
        {
            var options = HangfireStorageOptions();
            return new PostgreSqlStorage(new NpgsqlConnectionFactory(connectionString, options), options);
        });
        services.AddHangfire((provider, hangfire) => hangfire
            .UseLogProvider(new HangfireLogProvider(provider.GetRequiredService<ILoggerFactory>()))
            .SetDataCompatibilityLevel(CompatibilityLevel.Version_180)
            .UseSimpleAssemblyNameTypeSerializer()
            .UseRecommendedSerializerSettings()
            .UseStorage(provider.GetRequiredService<JobStorage>()));
        services.AddSingleton<RunLifecycle>();
        services.AddScoped<RunJob>();
        services.AddSingleton<GpuSlots>();
        services.AddSingleton<TrainingLauncher>();
        services.AddAzrEvaluation();
        services.TryAddSingleton<IRunLauncher, RunLauncherByKind>();
        services.AddScoped<RunService>();
        services.AddScoped<RunQueries>();
        services.AddScoped<RunContinuations>();
        services.AddSingleton<MetricQueries>();
        services.AddSingleton<TaskBrowser>();
        services.AddSingleton<CheckpointQueries>();
        services.AddSingleton<BufferSnapshots>();
        return services;
    }

    private static PostgreSqlStorageOptions HangfireStorageOptions() => new()
    {
        SchemaName = HangfireSchema,
        PrepareSchemaIfNecessary = true,
        // Without it a job longer than the invisibility timeout is started a second time; with it the timeout only
        // bounds how long a dead worker's job waits before it is delivered again.
        UseSlidingInvisibilityTimeout = true,
        InvisibilityTimeout = TimeSpan.FromMinutes(5),
        // A run queued through this process wakes its workers at once; other hosts (GPU workers) poll. Long polling
        // (LISTEN/NOTIFY) would hold one more connection per waiting worker for little gain at these job rates.
        QueuePollInterval = TimeSpan.FromSeconds(2),
    };

    /// <summary>The migration history says what is missing; the worker refuses to run against an older schema.</summary>
    public static async Task<IReadOnlyList<string>> PendingMigrationsAsync(IServiceProvider services, CancellationToken ct)
    {
        var dbs = services.GetRequiredService<IDbContextFactory<AzrDbContext>>();
        await using var db = await dbs.CreateDbContextAsync(ct);
        return (await db.Database.GetPendingMigrationsAsync(ct)).ToList();
    }
}
