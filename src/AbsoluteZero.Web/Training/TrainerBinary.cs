using System.Diagnostics;
using AbsoluteZero.Web.Hosting;

namespace AbsoluteZero.Web.Training;

/// <summary>
/// The <c>azr</c> a worker starts its training children with: the same binary as the worker, so a child never runs
/// code older or newer than the job that supervises it.
/// </summary>
public static class TrainerBinary
{
    public const string Name = "azr";

    /// <summary>
    /// <c>Platform:TrainerBinary</c> when set; else the running process when it is <c>azr</c> (serve, worker); else
    /// <c>dotnet azr.dll</c> when the host runs as <c>dotnet azr.dll</c>; else <c>azr</c> beside the host's assemblies.
    /// </summary>
    public static ProcessStartInfo StartInfo(PlatformOptions options)
    {
        if (!string.IsNullOrWhiteSpace(options.TrainerBinary))
        {
            var configured = Path.GetFullPath(options.TrainerBinary, PlatformPaths.ContentRoot());
            return File.Exists(configured)
                ? new ProcessStartInfo(configured)
                : throw new InvalidOperationException($"Platform:TrainerBinary names {configured}, which does not exist");
        }

        var process = Environment.ProcessPath;
        if (process is not null && Path.GetFileName(process) == Name)
            return new ProcessStartInfo(process);

        var beside = Path.Combine(AppContext.BaseDirectory, Name);
        var assembly = beside + ".dll";
        if (process is not null && Path.GetFileNameWithoutExtension(process) == "dotnet" && File.Exists(assembly))
            return new ProcessStartInfo(process) { ArgumentList = { assembly } };
        if (File.Exists(beside))
            return new ProcessStartInfo(beside);

        throw new InvalidOperationException(
            $"cannot find the azr binary to start the trainer with (this process is {process ?? "unknown"}, and there is no " +
            $"{beside}): set Platform:TrainerBinary");
    }
}
