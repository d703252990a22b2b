namespace AbsoluteZero.Evaluation.Leaderboard;

/// <summary>A row is the paper's reported figure or our own measurement.</summary>
public enum LeaderboardRowKind { Reported, Measured }

/// <summary>
/// One benchmark's score in a row, in percent. Measured cells carry n (problems), the 95% bootstrap interval and, for
/// HumanEval+/MBPP+, the base-tests score; <paramref name="Label"/> is a caveat to show with the number.
/// </summary>
public sealed record LeaderboardCell(double Value, int? N = null, double? CiLow = null, double? CiHigh = null, double? Base = null, string? Label = null);

/// <summary>
/// One model's row: its scores by benchmark and the paper's averages (code, math, overall), each null unless every
/// benchmark it averages is present. <see cref="Notes"/> say what limits the row's comparability.
/// </summary>
public sealed record LeaderboardRow
{
    public required LeaderboardRowKind Kind { get; init; }

    public required string Model { get; init; }

    /// <summary>Architecture family as the model registry names it: <c>qwen2</c>, <c>llama</c>; null when unknown.</summary>
    public string? Family { get; init; }

    /// <summary>Reported: <c>base</c>, <c>instruct</c>, <c>rl</c>, <c>azr</c>. Measured: <c>preset</c>, <c>registry</c>, <c>checkpoint</c>, <c>folder</c>.</summary>
    public string? ModelKind { get; init; }

    /// <summary>Reported: where the paper prints it. Measured: the evaluation run.</summary>
    public required string Source { get; init; }

    /// <summary>Greedy (the paper's protocol), or the sampling settings of a measured row.</summary>
    public required string Decoding { get; init; }

    /// <summary>Measured: the evaluation run, its status, and where its samples are.</summary>
    public long? RunId { get; init; }

    public string? Status { get; init; }

    public string? SamplesUrl { get; init; }

    public required IReadOnlyDictionary<string, LeaderboardCell> Scores { get; init; }

    public double? CodeAverage { get; init; }

    public double? MathAverage { get; init; }

    public double? Overall { get; init; }

    public IReadOnlyList<string> Notes { get; init; } = [];
}
