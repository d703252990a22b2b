namespace AbsoluteZero.Evaluation.Leaderboard;

/// <summary>
/// Which rows and columns to show and in which order. <see cref="Benchmarks"/> keeps only those columns (and the rows
/// scored on at least one of them); <see cref="Search"/> is a case-insensitive substring of the model name.
/// </summary>
public sealed record LeaderboardQuery(
    IReadOnlyList<string>? Benchmarks = null,
    string? Family = null,
    LeaderboardRowKind? Kind = null,
    string? Search = null,
    string Sort = LeaderboardQuery.Overall,
    bool Descending = true)
{
    public const string Model = "model";
    public const string Overall = "overall";
    public const string CodeAverage = "code_average";
    public const string MathAverage = "math_average";

    /// <summary>Sort keys besides benchmark names.</summary>
    public static readonly IReadOnlyList<string> SummarySortKeys = [Overall, CodeAverage, MathAverage, Model];
}
