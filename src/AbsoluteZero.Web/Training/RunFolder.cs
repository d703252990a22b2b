using System.Globalization;
using System.Text.Json;
using AbsoluteZero.Core.Json;
using AbsoluteZero.Data.Runs;

namespace AbsoluteZero.Web.Training;

/// <summary>
/// A training run's folder is claimed with <c>run.json</c> (the run's id and creation time). Run ids are only unique
/// within one database: after a database is recreated, run 1's folder may still hold another run 1's checkpoints, and
/// resuming from those would silently continue someone else's training.
/// </summary>
public static class RunFolder
{
    public const string MarkerFile = "run.json";

    /// <summary>Claims <paramref name="folder"/> for <paramref name="run"/>, or says why it belongs to another run.</summary>
    public static string? Claim(string folder, Run run)
    {
        var marker = Path.Combine(folder, MarkerFile);
        var mine = new RunMarker(run.Id, run.CreatedAt.ToUniversalTime());
        if (File.Exists(marker))
        {
            RunMarker? found;
            try
            {
                found = JsonSerializer.Deserialize<RunMarker>(File.ReadAllText(marker), AzrJson.Options);
            }
            catch (JsonException e)
            {
                return $"{marker} is not a run marker ({e.Message}); move the folder away";
            }

            return found == mine
                ? null
                : $"{folder} belongs to run {found?.RunId.ToString(CultureInfo.InvariantCulture) ?? "?"} created {found?.CreatedAt:u}, not this run " +
                  $"(created {mine.CreatedAt:u}); a folder left from another database? Move it away or set Platform:RunsDirectory";
        }

        if (Directory.Exists(folder) && Directory.EnumerateFileSystemEntries(folder).Any())
            return $"{folder} already holds files but no {MarkerFile}; move it away or set Platform:RunsDirectory";
        Directory.CreateDirectory(folder);
        File.WriteAllText(marker, JsonSerializer.Serialize(mine, AzrJson.Options));
        return null;
    }

    private sealed record RunMarker(long RunId, DateTimeOffset CreatedAt);
}
