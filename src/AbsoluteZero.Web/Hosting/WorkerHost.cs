using Hangfire;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace AbsoluteZero.Web.Hosting;

/// <summary>
/// <c>azr worker --queues …</c>: a Hangfire server and nothing else, for GPU hosts. It shares the PostgreSQL of
/// <c>azr serve</c>; status changes reach browsers through the database (see <c>RunEventRelay</c>).
/// </summary>
public static class WorkerHost
{
    /// <param name="gpus">This host's GPUs; when given they replace <c>Platform:Gpus</c> (see <c>GpuSlots</c>).</param>
    public static IHost Build(IReadOnlyList<string> queues, int? workerCount = null, IReadOnlyList<string>? gpus = null, HostCustomization? customization = null)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { ContentRootPath = PlatformPaths.ContentRoot() });
        if (gpus is { Count: > 0 })
            builder.Services.PostConfigure<PlatformOptions>(platform => platform.Gpus = [.. gpus]);
        HostCustomization.ApplySettings(customization, builder.Configuration);
        builder.Services.AddAzrDatabase(builder.Configuration).AddAzrRuns(builder.Configuration);
        builder.Services.AddHangfireServer(server =>
        {
            server.Queues = [.. queues];
            server.ServerName = $"{Environment.MachineName}:{string.Join(',', queues)}";
            if (workerCount is { } count)
                server.WorkerCount = count;
        });
        HostCustomization.ApplyServices(customization, builder.Services);
        return builder.Build();
    }

    /// <summary>Refuses to take jobs against a schema older than this binary, then runs until shutdown.</summary>
    public static async Task RunAsync(IHost host, CancellationToken ct)
    {
        var pending = await PlatformServices.PendingMigrationsAsync(host.Services, ct);
        if (pending.Count > 0)
        {
            throw new InvalidOperationException(
                $"the database lacks {pending.Count} migration(s) ({string.Join(", ", pending)}): run `azr migrate` or start `azr serve` first");
        }

        await host.StartAsync(ct);
        await host.WaitForShutdownAsync(ct);
    }
}
