using AbsoluteZero.Evaluation.Leaderboard;
using AbsoluteZero.Web.Evaluation;

namespace AbsoluteZero.Web.Api.Contracts;

/// <summary>
/// The leaderboard: benchmark columns, rows (scores in percent), how the averages are defined, and warnings (e.g. the
/// reported rows could not be read).
/// </summary>
public sealed record LeaderboardResponse(IReadOnlyList<string> Benchmarks, IReadOnlyList<LeaderboardRow> Rows, string Averages, IReadOnlyList<string> Warnings)
{
    public const string AveragesRule =
        "code_average = mean of humaneval-plus, mbpp-plus, livecodebench; math_average = mean of aime2024, aime2025, amc2023, math500, " +
        "minerva-math, olympiadbench; overall = (code_average + math_average) / 2 (the paper's Table 1 definition). " +
        "An average is null unless every benchmark it averages is in the row.";

    public static LeaderboardResponse From(LeaderboardView leaderboard) =>
        new(leaderboard.Table.Benchmarks, leaderboard.Table.Rows, AveragesRule, leaderboard.Warnings);
}
