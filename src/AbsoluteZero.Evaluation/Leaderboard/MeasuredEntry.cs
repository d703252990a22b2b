namespace AbsoluteZero.Evaluation.Leaderboard;

/// <summary>A benchmark's headline score from an evaluation run (fractions 0–1, as stored).</summary>
public sealed record MeasuredScore(double PassAt1, int N, double CiLow, double CiHigh, double? BasePassAt1);

/// <summary>What the leaderboard needs of one evaluation run.</summary>
/// <param name="Limit">The run evaluated only the first this-many problems of each benchmark.</param>
public sealed record MeasuredEntry(
    long RunId,
    string Model,
    string? Family,
    string ModelKind,
    string Status,
    string Decoding,
    int? Limit,
    IReadOnlyDictionary<string, MeasuredScore> Scores,
    string SamplesUrl);
