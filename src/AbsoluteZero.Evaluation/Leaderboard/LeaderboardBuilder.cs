using AbsoluteZero.Core.Configuration;
using AbsoluteZero.Evaluation.Benchmarks;
using AbsoluteZero.Evaluation.Statistics;

namespace AbsoluteZero.Evaluation.Leaderboard;

/// <summary>The leaderboard: its benchmark columns (in catalog order) and its rows, filtered and sorted.</summary>
public sealed record LeaderboardTable(IReadOnlyList<string> Benchmarks, IReadOnlyList<LeaderboardRow> Rows);

/// <summary>
/// Builds the leaderboard from the paper's reported rows and our evaluation runs. Scores are percentages (the paper's
/// unit); averages are the paper's (<see cref="PaperAverages"/>: code = HumanEval+, MBPP+, LiveCodeBench; math = the six
/// math sets; overall = (code + math) / 2), each left empty unless all its benchmarks are in the row, whatever columns
/// are shown. Sorting puts empty values last in either direction.
/// </summary>
public static class LeaderboardBuilder
{
    public const string PaperDecoding = "greedy";

    public const string NotComparableLabel = "public tests only — not comparable";

    public static LeaderboardTable Build(IReadOnlyList<ReportedRow> reported, IReadOnlyList<MeasuredEntry> measured, LeaderboardQuery query)
    {
        var rows = reported.Select(Reported).Concat(measured.Select(Measured)).ToList();
        var columns = BenchmarkNames.All.Where(b => query.Benchmarks?.Contains(b) ?? rows.Any(r => r.Scores.ContainsKey(b))).ToList();
        var shown = rows.Where(r => query.Kind is null || r.Kind == query.Kind)
            .Where(r => query.Family is null || string.Equals(r.Family, query.Family, StringComparison.OrdinalIgnoreCase))
            .Where(r => string.IsNullOrWhiteSpace(query.Search) || r.Model.Contains(query.Search.Trim(), StringComparison.OrdinalIgnoreCase))
            .Where(r => query.Benchmarks is null || columns.Any(r.Scores.ContainsKey));
        return new LeaderboardTable(columns, Sort(shown, query).ToList());
    }

    private static LeaderboardRow Reported(ReportedRow row)
    {
        var averages = PaperAverages.Compute(row.Scores);
        return new LeaderboardRow
        {
            Kind = LeaderboardRowKind.Reported,
            Model = row.Model,
            Family = ModelFamilies.Guess(row.Model),
            ModelKind = row.Kind,
            Source = row.CuratedExamples is { } examples ? $"{row.Source} ({examples} curated examples)" : row.Source,
            Decoding = PaperDecoding,
            Scores = row.Scores.ToDictionary(s => s.Key, s => new LeaderboardCell(s.Value)),
            CodeAverage = averages.CodeAverage,
            MathAverage = averages.MathAverage,
            Overall = averages.Overall,
        };
    }

    private static LeaderboardRow Measured(MeasuredEntry entry)
    {
        var cells = entry.Scores.ToDictionary(s => s.Key, s => new LeaderboardCell(
            Percent(s.Value.PassAt1), s.Value.N, Percent(s.Value.CiLow), Percent(s.Value.CiHigh),
            s.Value.BasePassAt1 is { } b ? Percent(b) : null,
            BenchmarkCatalog.Get(s.Key).ComparableWithPaper ? null : NotComparableLabel));
        var averages = PaperAverages.Compute(cells.ToDictionary(c => c.Key, c => c.Value.Value));
        var notes = new List<string>();
        if (entry.Limit is { } limit)
            notes.Add($"only the first {limit} problems of each benchmark: not comparable with full-benchmark scores");
        if (cells.Keys.Any(b => !BenchmarkCatalog.Get(b).ComparableWithPaper))
            notes.Add("LiveCodeBench here has public tests only, so its score, the code average and the overall are not comparable with the paper's");
        return new LeaderboardRow
        {
            Kind = LeaderboardRowKind.Measured,
            Model = entry.Model,
            Family = entry.Family,
            ModelKind = entry.ModelKind,
            Source = $"evaluation run {entry.RunId}",
            Decoding = entry.Decoding,
            RunId = entry.RunId,
            Status = entry.Status,
            SamplesUrl = entry.SamplesUrl,
            Scores = cells,
            CodeAverage = averages.CodeAverage,
            MathAverage = averages.MathAverage,
            Overall = averages.Overall,
            Notes = notes,
        };
    }

    private static double Percent(double fraction) => fraction * 100;

    private static IEnumerable<LeaderboardRow> Sort(IEnumerable<LeaderboardRow> rows, LeaderboardQuery query)
    {
        if (query.Sort == LeaderboardQuery.Model)
        {
            return query.Descending
                ? rows.OrderByDescending(r => r.Model, StringComparer.OrdinalIgnoreCase)
                : rows.OrderBy(r => r.Model, StringComparer.OrdinalIgnoreCase);
        }

        Func<LeaderboardRow, double?> key = query.Sort switch
        {
            LeaderboardQuery.Overall => r => r.Overall,
            LeaderboardQuery.CodeAverage => r => r.CodeAverage,
            LeaderboardQuery.MathAverage => r => r.MathAverage,
            var benchmark when BenchmarkNames.IsKnown(benchmark) => r => r.Scores.TryGetValue(benchmark, out var cell) ? cell.Value : null,
            _ => throw new ArgumentException($"unknown sort key '{query.Sort}'", nameof(query)),
        };
        var present = rows.Where(r => key(r) is not null);
        var ordered = query.Descending ? present.OrderByDescending(r => key(r)) : present.OrderBy(r => key(r));
        return ordered.ThenBy(r => r.Model, StringComparer.OrdinalIgnoreCase).Concat(rows.Where(r => key(r) is null).OrderBy(r => r.Model, StringComparer.OrdinalIgnoreCase));
    }
}
