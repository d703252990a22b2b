using System.Globalization;
using AbsoluteZero.Web.Hosting;

namespace AbsoluteZero.Web.Training;

/// <summary>Where a training run keeps its files: <c>{Platform:RunsDirectory}/{run id}</c>, relative to the content root.</summary>
public static class RunDirectories
{
    public static string Of(PlatformOptions options, long runId) =>
        Path.GetFullPath(Path.Combine(options.RunsDirectory, runId.ToString(CultureInfo.InvariantCulture)), PlatformPaths.ContentRoot());
}
