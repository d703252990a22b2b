using System.ComponentModel;
using AbsoluteZero.Data.Runs;
using AbsoluteZero.Web.Hosting;
using Hangfire;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AbsoluteZero.Web.Runs;

/// <summary>
/// The Hangfire job of one run, on the run's queue. It moves the run queued → running, lets the
/// <see cref="IRunLauncher"/> do the work while watching the run's cancel flag, and records how it ended. Retries are
/// off: a failed run is resumed explicitly from a checkpoint, never re-run behind the user's back.
/// </summary>
public sealed class RunJob(RunLifecycle lifecycle, IRunLauncher launcher, IOptions<PlatformOptions> options, ILogger<RunJob> log)
{
    public const string WorkerLostError =
        "the run's job was delivered again after its worker stopped mid-run; resume it from its last checkpoint";

    public const string WorkerShutdownError = "the worker shut down while the run was running";

    [AutomaticRetry(Attempts = 0, OnAttemptsExceeded = AttemptsExceededAction.Fail)]
    [DisplayName("run {0}")]
    public async Task ExecuteAsync(long runId, CancellationToken shutdown)
    {
        var run = await lifecycle.StartAsync(runId, Environment.MachineName, shutdown);
        if (run is null)
        {
            await HandleNotQueuedAsync(runId);
            return;
        }

        using var cancel = CancellationTokenSource.CreateLinkedTokenSource(shutdown);
        using var stopWatching = new CancellationTokenSource();
        var watching = WatchCancelFlagAsync(runId, cancel, stopWatching.Token);
        RunOutcome outcome;
        try
        {
            outcome = await launcher.RunAsync(run, cancel.Token);
        }
        catch (OperationCanceledException) when (cancel.IsCancellationRequested)
        {
            outcome = RunOutcome.Cancelled;
        }
        catch (Exception e)
        {
            log.LogError(e, "Run {RunId} failed", runId);
            outcome = RunOutcome.Failed(e.Message);
        }
        finally
        {
            await stopWatching.CancelAsync();
            await watching;
        }

        await RecordAsync(runId, outcome, userCancelled: cancel.IsCancellationRequested && !shutdown.IsCancellationRequested);
    }

    private async Task HandleNotQueuedAsync(long runId)
    {
        var status = await lifecycle.StatusOfAsync(runId, CancellationToken.None);
        if (status == RunStatus.Running)
        {
            log.LogWarning("Run {RunId} was already running when its job started again; marking it failed", runId);
            await lifecycle.FinishAsync(runId, RunStatus.Running, RunStatus.Failed, StopReasons.WorkerLost, WorkerLostError, CancellationToken.None);
        }
        else
        {
            log.LogInformation("Run {RunId} is {Status}, not queued; its job has nothing to do", runId, status);
        }
    }

    private async Task RecordAsync(long runId, RunOutcome outcome, bool userCancelled)
    {
        // Final writes use no token: a shutting-down worker must still record why its run stopped.
        var none = CancellationToken.None;
        _ = outcome.Status switch
        {
            RunStatus.Succeeded => await lifecycle.FinishAsync(runId, RunStatus.Running, RunStatus.Succeeded, StopReasons.Completed, null, none),
            RunStatus.Cancelled when userCancelled => await lifecycle.FinishAsync(runId, RunStatus.Running, RunStatus.Cancelled, StopReasons.Cancelled, null, none),
            RunStatus.Cancelled => await lifecycle.FinishAsync(runId, RunStatus.Running, RunStatus.Failed, StopReasons.WorkerShutdown, WorkerShutdownError, none),
            _ => await lifecycle.FinishAsync(runId, RunStatus.Running, RunStatus.Failed, StopReasons.Error, outcome.Error ?? "the run failed", none),
        };
    }

    /// <summary>Polls the run's cancel flag, which any process (serve, CLI, another worker) may set.</summary>
    private async Task WatchCancelFlagAsync(long runId, CancellationTokenSource cancel, CancellationToken stop)
    {
        try
        {
            while (!stop.IsCancellationRequested && !cancel.IsCancellationRequested)
            {
                await Task.Delay(options.Value.CancelPollInterval, stop);
                if (await lifecycle.IsCancelRequestedAsync(runId, stop))
                {
                    log.LogInformation("Run {RunId}: cancel requested", runId);
                    await cancel.CancelAsync();
                }
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
        }
    }
}
