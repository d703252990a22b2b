using System.Globalization;
using AbsoluteZero.Data.Runs;
using AbsoluteZero.Web.Hosting;
using AbsoluteZero.Web.Runs;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AbsoluteZero.Web.Training;

/// <summary>
/// Runs a training run as a child process, <c>azr train --run ID</c>, which reads its config from the database and
/// writes its own metrics, tasks and checkpoints there. A child per run releases native (GPU) memory cleanly, can be
/// killed outright, and its crash leaves the worker standing. Cancellation is SIGTERM (the trainer checkpoints and
/// exits), then after <see cref="PlatformOptions.CancelGracePeriod"/> the whole process tree is killed.
/// </summary>
public sealed class TrainingLauncher(IConfiguration configuration, IOptions<PlatformOptions> options, ILogger<TrainingLauncher> log) : IRunLauncher
{
    public async Task<RunOutcome> RunAsync(Run run, CancellationToken cancellation)
    {
        var platform = options.Value;
        var start = TrainerBinary.StartInfo(platform);
        foreach (var argument in Arguments(run.Id, RunDirectories.Of(platform, run.Id)))
            start.ArgumentList.Add(argument);
        start.WorkingDirectory = PlatformPaths.ContentRoot();
        // The child reads the same settings files, but a connection string given to this host in code or on its
        // command line would not reach it any other way.
        start.Environment["ConnectionStrings__Postgres"] = ConnectionStrings.Postgres(configuration);

        using var trainer = TrainerProcess.Start(start, line => log.LogInformation("run {RunId}: {Line}", run.Id, line));
        log.LogInformation("Run {RunId}: started {Binary} (pid {Pid})", run.Id, start.FileName, trainer.Id);
        int exitCode;
        try
        {
            exitCode = await trainer.WaitForExitAsync(cancellation);
        }
        catch (OperationCanceledException) when (cancellation.IsCancellationRequested)
        {
            log.LogInformation("Run {RunId}: stopping the trainer (SIGTERM, {Grace} grace)", run.Id, platform.CancelGracePeriod);
            await trainer.StopAsync(platform.CancelGracePeriod);
            return RunOutcome.Cancelled;
        }

        return exitCode == TrainerExitCodes.Completed
            ? RunOutcome.Succeeded
            : RunOutcome.Failed(TrainerProcess.DescribeFailure(exitCode, trainer.StderrTail));
    }

    /// <summary><c>train --run ID --out DIR --supervisor PID</c>: the child stops by itself if this process dies.</summary>
    public static IEnumerable<string> Arguments(long runId, string outDirectory) =>
    [
        "train",
        "--run", runId.ToString(CultureInfo.InvariantCulture),
        "--out", outDirectory,
        "--supervisor", Environment.ProcessId.ToString(CultureInfo.InvariantCulture),
    ];
}
