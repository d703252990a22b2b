using System.Globalization;
using AbsoluteZero.Data.Runs;
using AbsoluteZero.Web.Hosting;
using AbsoluteZero.Web.Runs;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AbsoluteZero.Web.Evaluation;

/// <summary>
/// Runs an evaluation run as a child process, <c>azr eval --run ID</c>, supervised exactly as training children are
/// (<see cref="SupervisedChild"/>): the child loads the model with TorchSharp, which holds native (GPU) memory a worker
/// must get back, generates, judges through its own sandbox and writes samples, progress and scores to the database.
/// Cancellation is SIGTERM (the child stops after the chunk in hand; finished benchmarks keep their scores), then the
/// process tree is killed after <see cref="PlatformOptions.CancelGracePeriod"/>.
/// </summary>
public sealed class EvaluationLauncher(IConfiguration configuration, IOptions<PlatformOptions> options, GpuSlots gpus, ILogger<EvaluationLauncher> log) : IRunLauncher
{
    /// <summary>The data directory the child reads benchmarks from (as for <c>azr eval</c>).</summary>
    public const string DataDirKey = "Benchmarks:DataDir";

    /// <summary>Where the child caches HumanEval+/MBPP+ ground truth; unset: <c>azr eval</c>'s default.</summary>
    public const string CacheDirKey = "Benchmarks:CacheDir";

    public Task<RunOutcome> RunAsync(Run run, CancellationToken cancellation)
    {
        var platform = options.Value;
        var start = SupervisedChild.StartInfo(platform, configuration, Arguments(run.Id, configuration[DataDirKey], configuration[CacheDirKey]));
        return SupervisedChild.RunAsync(start, run, gpus, platform.CancelGracePeriod, log, Describe, cancellation);
    }

    /// <summary><c>eval --run ID --supervisor PID [--data-dir DIR] [--cache-dir DIR]</c>: the child stops by itself if this process dies.</summary>
    public static IEnumerable<string> Arguments(long runId, string? dataDirectory, string? cacheDirectory)
    {
        yield return "eval";
        yield return "--run";
        yield return runId.ToString(CultureInfo.InvariantCulture);
        yield return "--supervisor";
        yield return Environment.ProcessId.ToString(CultureInfo.InvariantCulture);
        if (!string.IsNullOrWhiteSpace(dataDirectory))
        {
            yield return "--data-dir";
            yield return Path.GetFullPath(dataDirectory, PlatformPaths.ContentRoot());
        }

        if (!string.IsNullOrWhiteSpace(cacheDirectory))
        {
            yield return "--cache-dir";
            yield return Path.GetFullPath(cacheDirectory, PlatformPaths.ContentRoot());
        }
    }

    /// <summary>The run's error: how the child ended and the last lines it wrote to stderr (which say why).</summary>
    public static string Describe(int exitCode, string stderrTail)
    {
        var how = exitCode > 128 && exitCode < 192 ? $"azr eval was stopped by signal {exitCode - 128}" : $"azr eval exited with code {exitCode}";
        return string.IsNullOrWhiteSpace(stderrTail) ? how + " and wrote nothing to stderr" : $"{how}: {stderrTail}";
    }
}
