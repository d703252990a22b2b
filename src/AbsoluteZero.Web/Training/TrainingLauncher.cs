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
public sealed class TrainingLauncher(IConfiguration configuration, IOptions<PlatformOptions> options, GpuSlots gpus, ILogger<TrainingLauncher> log) : IRunLauncher
{
    public Task<RunOutcome> RunAsync(Run run, CancellationToken cancellation)
    {
        var platform = options.Value;
        var start = SupervisedChild.StartInfo(platform, configuration, Arguments(run.Id, RunDirectories.Of(platform, run.Id)));
        return SupervisedChild.RunAsync(start, run, gpus, platform.CancelGracePeriod, log, TrainerProcess.DescribeFailure, cancellation);
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
