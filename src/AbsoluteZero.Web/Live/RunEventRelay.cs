using System.Text.Json;
using System.Threading.Channels;
using AbsoluteZero.Core.Json;
using AbsoluteZero.Data;
using AbsoluteZero.Web.Hosting;
using AbsoluteZero.Web.Runs;
using Microsoft.AspNetCore.SignalR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace AbsoluteZero.Web.Live;

/// <summary>
/// Status changes and training steps happen wherever a run's job runs, often a worker host (or its training child)
/// with no hub. Each is a PostgreSQL NOTIFY in the transaction that wrote it (<see cref="RunLifecycle"/>,
/// <see cref="StepNotice"/>); this service in <c>azr serve</c> LISTENs to both channels and forwards every event to the
/// run's hub group, so browsers see the same events whichever process made them.
/// </summary>
public sealed class RunEventRelay(
    IConfiguration configuration, IHubContext<RunsHub> hub, IDbContextFactory<AzrDbContext> dbs, ILogger<RunEventRelay> log) : BackgroundService
{
    private static readonly TimeSpan ReconnectDelay = TimeSpan.FromSeconds(2);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var events = Channel.CreateUnbounded<(string Channel, string Payload)>(new UnboundedChannelOptions { SingleReader = true });
        var forwarding = ForwardAsync(events.Reader, stoppingToken);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await ListenAsync(events.Writer, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception e)
            {
                log.LogWarning(e, "Run event relay lost its database connection; reconnecting in {Delay}", ReconnectDelay);
                await Task.Delay(ReconnectDelay, stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
            }
        }

        events.Writer.TryComplete();
        await forwarding;
    }

    private async Task ListenAsync(ChannelWriter<(string, string)> events, CancellationToken ct)
    {
        await using var connection = new NpgsqlConnection(ConnectionStrings.Postgres(configuration));
        connection.Notification += (_, e) => events.TryWrite((e.Channel, e.Payload));
        await connection.OpenAsync(ct);
        await using (var listen = new NpgsqlCommand($"LISTEN {RunLifecycle.StatusChannel}; LISTEN {StepNotice.Channel}", connection))
            await listen.ExecuteNonQueryAsync(ct);
        while (!ct.IsCancellationRequested)
            await connection.WaitAsync(ct);
    }

    private async Task ForwardAsync(ChannelReader<(string Channel, string Payload)> events, CancellationToken ct)
    {
        await foreach (var (channel, payload) in events.ReadAllAsync(CancellationToken.None))
        {
            try
            {
                if (channel == StepNotice.Channel)
                    await ForwardStepAsync(JsonSerializer.Deserialize<StepNotice>(payload, AzrJson.Options)!, ct);
                else
                    await ForwardStatusAsync(JsonSerializer.Deserialize<StatusEvent>(payload, AzrJson.Options)!, ct);
            }
            catch (Exception e) when (e is JsonException or OperationCanceledException or NpgsqlException)
            {
                log.LogWarning(e, "Could not forward run event {Channel} {Payload}", channel, payload);
            }
        }
    }

    private Task ForwardStatusAsync(StatusEvent status, CancellationToken ct) =>
        hub.Clients.Group(RunsHub.Group(status.RunId)).SendAsync(RunsHub.StatusMessage, status, ct);

    private async Task ForwardStepAsync(StepNotice notice, CancellationToken ct)
    {
        var metrics = notice.Metrics ?? await MetricsOfStepAsync(notice.RunId, notice.Step, ct);
        var step = new StepEvent(notice.RunId, notice.Step, metrics, notice.WallTime);
        await hub.Clients.Group(RunsHub.Group(notice.RunId)).SendAsync(RunsHub.StepMessage, step, ct);
    }

    /// <summary>A step too large for a NOTIFY payload: its metrics were committed before the notice was sent.</summary>
    private async Task<IReadOnlyDictionary<string, double>> MetricsOfStepAsync(long runId, int step, CancellationToken ct)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        return await db.Metrics.AsNoTracking()
            .Where(m => m.RunId == runId && m.Step == step)
            .ToDictionaryAsync(m => m.Name, m => m.Value, ct);
    }
}
