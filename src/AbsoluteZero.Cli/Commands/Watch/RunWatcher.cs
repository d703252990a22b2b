using System.Text.Json;
using System.Threading.Channels;
using AbsoluteZero.Core.Json;
using AbsoluteZero.Data.Runs;
using AbsoluteZero.Web.Api.Contracts;
using AbsoluteZero.Web.Live;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;

namespace AbsoluteZero.Cli.Commands.Watch;

/// <summary>
/// Follows one run over <c>/hubs/runs</c> and prints each step once, in order. Nothing is missed across reconnects:
/// after every (re)connect it subscribes again and then reads the steps recorded after the last one printed over REST
/// (<c>…/metrics?after_step=N</c>); a live step that skips ahead triggers the same catch-up first, and a slow poll of
/// the run (every <see cref="PollInterval"/>) covers events lost while the server's own database listener reconnected.
/// Steps at or before the last printed one are dropped, so nothing is printed twice.
/// </summary>
public sealed class RunWatcher : IAsyncDisposable
{
    public const int Succeeded = 0;
    public const int CouldNotWatch = 1;
    public const int Failed = 2;
    public const int Cancelled = 3;

    public static readonly TimeSpan PollInterval = TimeSpan.FromSeconds(5);

    private readonly long _runId;
    private readonly TextWriter _output;
    private readonly TextWriter _log;
    private readonly RunApiClient _api;
    private readonly HubConnection _hub;
    private readonly Channel<WatchEvent> _events = Channel.CreateUnbounded<WatchEvent>(new UnboundedChannelOptions { SingleReader = true });
    private int _lastPrinted;

    public RunWatcher(Uri server, string token, long runId, TextWriter output, TextWriter log)
    {
        _runId = runId;
        _output = output;
        _log = log;
        _api = new RunApiClient(server, token, runId);
        _hub = new HubConnectionBuilder()
            .WithUrl(new Uri(server, RunsHub.Path), o => o.AccessTokenProvider = () => Task.FromResult<string?>(token))
            .AddJsonProtocol(o => AzrJson.Configure(o.PayloadSerializerOptions))
            .WithAutomaticReconnect(new ForeverRetryPolicy())
            .Build();
        _hub.On<StepEvent>(RunsHub.StepMessage, e => _events.Writer.TryWrite(new WatchEvent.Step(e)));
        _hub.On<StatusEvent>(RunsHub.StatusMessage, e => _events.Writer.TryWrite(new WatchEvent.Status(e.Status)));
        _hub.Reconnecting += error =>
        {
            _log.WriteLine($"azr watch: connection lost ({error?.Message ?? "closed"}); reconnecting");
            return Task.CompletedTask;
        };
        _hub.Reconnected += async _ =>
        {
            try
            {
                await _hub.InvokeAsync("Subscribe", _runId);
                _events.Writer.TryWrite(new WatchEvent.Resync());
            }
            catch (Exception e)
            {
                _events.Writer.TryWrite(new WatchEvent.Fault(e));
            }
        };
        _hub.Closed += error =>
        {
            _events.Writer.TryWrite(new WatchEvent.Fault(error ?? new InvalidOperationException("the hub connection closed")));
            return Task.CompletedTask;
        };
    }

    public async Task<int> RunAsync(CancellationToken ct)
    {
        try
        {
            await _api.RunAsync(ct);
            await _hub.StartAsync(ct);
            // Subscribed first, then caught up: a step recorded in between arrives live and is dropped as a duplicate.
            await _hub.InvokeAsync("Subscribe", _runId, ct);
        }
        catch (Exception e) when (e is WatchRefusedException or HttpRequestException or HubException or JsonException or TaskCanceledException && !ct.IsCancellationRequested)
        {
            await _log.WriteLineAsync($"azr watch: {e.Message}");
            return CouldNotWatch;
        }

        using var poll = new PeriodicTimer(PollInterval);
        var polling = PollAsync(poll, ct);
        _events.Writer.TryWrite(new WatchEvent.Resync());
        try
        {
            return await FollowAsync(ct);
        }
        finally
        {
            poll.Dispose();
            await polling;
        }
    }

    private async Task<int> FollowAsync(CancellationToken ct)
    {
        await foreach (var next in _events.Reader.ReadAllAsync(ct))
        {
            try
            {
                var finalStatus = next switch
                {
                    WatchEvent.Step step => await OnStepAsync(step.Event, ct),
                    // The run ended: the last steps it recorded may not have arrived live yet.
                    WatchEvent.Status { Value: var status } when status.IsFinal() => await ResyncAsync(ct),
                    WatchEvent.Resync => await ResyncAsync(ct),
                    WatchEvent.Fault fault => throw new WatchRefusedException($"the hub connection failed: {fault.Error.Message}"),
                    _ => null,
                };
                if (finalStatus is { } final)
                    return await ExitWithAsync(final);
            }
            catch (WatchRefusedException e)
            {
                await _log.WriteLineAsync($"azr watch: {e.Message}");
                return CouldNotWatch;
            }
            catch (Exception e) when (e is HttpRequestException or JsonException or TaskCanceledException && !ct.IsCancellationRequested)
            {
                // The server is away; the next reconnect or poll catches up.
                await _log.WriteLineAsync($"azr watch: {e.Message}; will catch up");
            }
        }

        return CouldNotWatch;
    }

    private async Task<RunStatus?> OnStepAsync(StepEvent step, CancellationToken ct)
    {
        if (step.RunId != _runId || step.Step <= _lastPrinted)
            return null;
        if (step.Step > _lastPrinted + 1)
            await CatchUpAsync(ct);
        if (step.Step > _lastPrinted)
            await PrintAsync(step);
        return null;
    }

    /// <summary>Prints what was recorded since the last printed step; the run's status when it has ended.</summary>
    private async Task<RunStatus?> ResyncAsync(CancellationToken ct)
    {
        var run = await _api.RunAsync(ct);
        await CatchUpAsync(ct);
        return run.Status.IsFinal() ? run.Status : null;
    }

    private async Task CatchUpAsync(CancellationToken ct)
    {
        foreach (var step in await _api.StepsAfterAsync(_lastPrinted, ct))
            await PrintAsync(step);
    }

    /// <summary>Metrics in name order, so a step reads the same whether it arrived live or was caught up.</summary>
    private async Task PrintAsync(StepEvent step)
    {
        var sorted = new SortedDictionary<string, double>(step.Metrics.ToDictionary(), StringComparer.Ordinal);
        await _output.WriteLineAsync(JsonSerializer.Serialize(step with { Metrics = sorted }, AzrJson.Options));
        await _output.FlushAsync();
        _lastPrinted = step.Step;
    }

    private async Task<int> ExitWithAsync(RunStatus status)
    {
        var run = await _api.RunAsync(CancellationToken.None);
        await _log.WriteLineAsync($"azr watch: run {_runId} {RunStatusNames.Of(status)}" + (run.Error is { } error ? $": {error}" : ""));
        return status switch
        {
            RunStatus.Succeeded => Succeeded,
            RunStatus.Cancelled => Cancelled,
            _ => Failed,
        };
    }

    private async Task PollAsync(PeriodicTimer timer, CancellationToken ct)
    {
        try
        {
            while (await timer.WaitForNextTickAsync(ct))
                _events.Writer.TryWrite(new WatchEvent.Resync());
        }
        catch (OperationCanceledException)
        {
        }
    }

    public async ValueTask DisposeAsync()
    {
        _events.Writer.TryComplete();
        await _hub.DisposeAsync();
        _api.Dispose();
    }

    private abstract record WatchEvent
    {
        public sealed record Step(StepEvent Event) : WatchEvent;

        public sealed record Status(RunStatus Value) : WatchEvent;

        public sealed record Resync : WatchEvent;

        public sealed record Fault(Exception Error) : WatchEvent;
    }

    /// <summary>Keeps reconnecting (0, 1, 2, 5, then every 10 seconds): a watch outlives a server restart.</summary>
    private sealed class ForeverRetryPolicy : IRetryPolicy
    {
        private static readonly TimeSpan[] Delays = [TimeSpan.Zero, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(5)];

        public TimeSpan? NextRetryDelay(RetryContext retryContext) =>
            retryContext.PreviousRetryCount < Delays.Length ? Delays[retryContext.PreviousRetryCount] : TimeSpan.FromSeconds(10);
    }
}
