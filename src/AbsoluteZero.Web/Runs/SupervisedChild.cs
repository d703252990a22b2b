using System.Diagnostics;
using AbsoluteZero.Data.Runs;
using AbsoluteZero.Web.Hosting;
using AbsoluteZero.Web.Training;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;

namespace AbsoluteZero.Web.Runs;

/// <summary>
/// A run's work as a child <c>azr</c> process (<c>azr train --run ID</c>, <c>azr eval --run ID</c>), supervised by
/// <see cref="TrainerProcess"/>: its output goes to this host's log, cancellation is SIGTERM and then, after the grace
/// period, the whole process tree is killed; any exit code but 0 fails the run with the child's own last words.
/// </summary>
public static class SupervisedChild
{
    /// <summary>The worker's own <c>azr</c> (<see cref="TrainerBinary"/>) with these arguments, in the content root.</summary>
    public static ProcessStartInfo StartInfo(PlatformOptions platform, IConfiguration configuration, IEnumerable<string> arguments)
    {
        var start = TrainerBinary.StartInfo(platform);
        foreach (var argument in arguments)
            start.ArgumentList.Add(argument);
        start.WorkingDirectory = PlatformPaths.ContentRoot();
        // The child reads the same settings files, but a connection string given to this host in code or on its
        // command line would not reach it any other way.
        start.Environment["ConnectionStrings__Postgres"] = ConnectionStrings.Postgres(configuration);
        return start;
    }

    /// <param name="describeFailure">The run's error from the exit code and the last lines of stderr.</param>
    public static async Task<RunOutcome> RunAsync(ProcessStartInfo start, Run run, GpuSlots gpus, TimeSpan grace, ILogger log,
        Func<int, string, string> describeFailure, CancellationToken cancellation)
    {
        GpuLease? gpu;
        try
        {
            gpu = await gpus.AcquireAsync(cancellation);
        }
        catch (OperationCanceledException) when (cancellation.IsCancellationRequested)
        {
            return RunOutcome.Cancelled;
        }

        using var held = gpu;
        if (gpu is not null)
            start.Environment["CUDA_VISIBLE_DEVICES"] = gpu.Device;
        using var child = TrainerProcess.Start(start, line => log.LogInformation("run {RunId}: {Line}", run.Id, line));
        log.LogInformation("Run {RunId}: started {Binary} {Verb} (pid {Pid}{Gpu})", run.Id, start.FileName, start.ArgumentList.FirstOrDefault(), child.Id,
            gpu is null ? "" : $", GPU {gpu.Device}");
        int exitCode;
        try
        {
            exitCode = await child.WaitForExitAsync(cancellation);
        }
        catch (OperationCanceledException) when (cancellation.IsCancellationRequested)
        {
            log.LogInformation("Run {RunId}: stopping its child (SIGTERM, {Grace} grace)", run.Id, grace);
            await child.StopAsync(grace);
            return RunOutcome.Cancelled;
        }

        return exitCode == 0 ? RunOutcome.Succeeded : RunOutcome.Failed(describeFailure(exitCode, child.StderrTail));
    }
}
