using System.Text.Json;
using System.Threading.Channels;
using AbsoluteZero.Core.Json;
using AbsoluteZero.Web.Hosting;
using AbsoluteZero.Web.Runs;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace AbsoluteZero.Web.Live;

/// <summary>
/// Status changes happen wherever a run's job runs, often a worker host with no hub. Each change is a PostgreSQL
/// NOTIFY (<see cref="RunLifecycle"/>); this service in <c>azr serve</c> LISTENs and forwards every event to the run's
/// hub group, so browsers see the same events whichever process made them.
/// </summary>
public sealed class RunStatusRelay(IConfiguration configuration, IHubContext<RunsHub> hub, ILogger<RunStatusRelay> log) : BackgroundService
{
    private static readonly TimeSpan ReconnectDelay = TimeSpan.FromSeconds(2);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var events = Channel.CreateUnbounded<string>(new UnboundedChannelOptions { SingleReader = true });
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
                log.LogWarning(e, "Run status relay lost its database connection; reconnecting in {Delay}", ReconnectDelay);
                await Task.Delay(ReconnectDelay, stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
            }
        }

        events.Writer.TryComplete();
        await forwarding;
    }

    private async Task ListenAsync(ChannelWriter<string> events, CancellationToken ct)
    {
        await using var connection = new NpgsqlConnection(ConnectionStrings.Postgres(configuration));
        connection.Notification += (_, e) => events.TryWrite(e.Payload);
        await connection.OpenAsync(ct);
        await using (var listen = new NpgsqlCommand($"LISTEN {RunLifecycle.StatusChannel}", connection))
            await listen.ExecuteNonQueryAsync(ct);
        while (!ct.IsCancellationRequested)
            await connection.WaitAsync(ct);
    }

    private async Task ForwardAsync(ChannelReader<string> events, CancellationToken ct)
    {
        await foreach (var payload in events.ReadAllAsync(CancellationToken.None))
        {
            try
            {
                var status = JsonSerializer.Deserialize<StatusEvent>(payload, AzrJson.Options)!;
                await hub.Clients.Group(RunsHub.Group(status.RunId)).SendAsync(RunsHub.StatusMessage, status, ct);
            }
            catch (Exception e) when (e is JsonException or OperationCanceledException)
            {
                log.LogWarning(e, "Could not forward run status event {Payload}", payload);
            }
        }
    }
}
