using AbsoluteZero.Evaluation.Leaderboard;
using AbsoluteZero.Web.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;

namespace AbsoluteZero.Web.Evaluation;

/// <summary>
/// The paper's reported rows for the leaderboard: the copy built into <c>AbsoluteZero.Evaluation</c>, or the file named
/// by <c>Leaderboard:ReportedResults</c> (relative to the content root). Read once. A file that cannot be read leaves
/// the leaderboard without reported rows and says why, instead of taking the page down.
/// </summary>
public sealed class ReportedRowsSource(IConfiguration configuration, ILogger<ReportedRowsSource> log)
{
    public const string PathKey = "Leaderboard:ReportedResults";

    private readonly Lazy<(IReadOnlyList<ReportedRow> Rows, string? Problem)> _rows = new(() => Read(configuration[PathKey], log));

    public IReadOnlyList<ReportedRow> Rows => _rows.Value.Rows;

    /// <summary>Why there are no reported rows, or null.</summary>
    public string? Problem => _rows.Value.Problem;

    private static (IReadOnlyList<ReportedRow>, string?) Read(string? path, ILogger log)
    {
        if (string.IsNullOrWhiteSpace(path))
            return (ReportedResults.Embedded(), null);
        var file = Path.GetFullPath(path, PlatformPaths.ContentRoot());
        try
        {
            return (ReportedResults.Load(file), null);
        }
        catch (Exception e) when (e is IOException or InvalidDataException or UnauthorizedAccessException)
        {
            log.LogError("{Key} = {File} could not be read: {Error}", PathKey, file, e.Message);
            return ([], $"the paper's reported rows are missing: {PathKey} names {file}, which could not be read ({e.Message})");
        }
    }
}
