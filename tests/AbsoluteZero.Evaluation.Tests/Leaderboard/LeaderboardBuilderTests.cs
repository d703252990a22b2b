using System.Text;
using AbsoluteZero.Core.Configuration;
using AbsoluteZero.Evaluation.Leaderboard;
using AbsoluteZero.Testing;

namespace AbsoluteZero.Evaluation.Tests.Leaderboard;

/// <summary>
/// The leaderboard from the paper's reported rows and measured runs: the paper's averages (checked against the
/// averages the paper prints, AZR.md §8), comparability notes, filters and sorting.
/// </summary>
public sealed class LeaderboardBuilderTests
{
    private static readonly IReadOnlyList<ReportedRow> Reported = ReportedResults.Embedded();

    [Fact]
    public void The_built_in_reported_results_are_the_shared_reference_file_verbatim()
    {
        using var embedded = typeof(ReportedResults).Assembly.GetManifestResourceStream(ReportedResults.ResourceName)!;
        using var reader = new StreamReader(embedded, Encoding.UTF8);
        Assert.Equal(File.ReadAllText(Path.Combine(RepositoryPaths.Shared, "reference", "azr-paper-results.json")), reader.ReadToEnd());
        Assert.Equal(ReportedResults.Load(Path.Combine(RepositoryPaths.Shared, "reference", "azr-paper-results.json")).Count, Reported.Count);
    }

    [Theory]
    // Printed CAvg, MAvg, AVG (paper Table 1 / README; AZR.md §8.1–8.2).
    [InlineData("AZR-Coder-7B (from Qwen2.5-Coder-7B)", 61.6, 39.1, 50.4)]
    [InlineData("AZR-Base-7B (from Qwen2.5-7B)", 55.2, 38.4, 46.8)]
    [InlineData("Qwen2.5-Coder-7B", 56.6, 23.9, 40.2)]
    [InlineData("ORZ (from Qwen2.5-7B)", 55.6, 41.6, 48.6)]
    [InlineData("Llama-3.1-8B", 28.5, 3.4, 16.0)]
    [InlineData("AZR-Coder-14B (from Qwen2.5-Coder-14B)", 63.6, 43.0, 53.3)]
    public void Reported_rows_get_the_papers_printed_averages(string model, double code, double math, double overall)
    {
        var row = Build().Rows.Single(r => r.Model == model);

        Assert.Equal(LeaderboardRowKind.Reported, row.Kind);
        Assert.Equal(code, row.CodeAverage!.Value, 0.051);
        Assert.Equal(math, row.MathAverage!.Value, 0.051);
        Assert.Equal(overall, row.Overall!.Value, 0.051);
        Assert.Equal(9, row.Scores.Count);
        Assert.All(row.Scores.Values, c => Assert.Null(c.N));
    }

    [Fact]
    public void Every_reported_row_is_labelled_reported_with_its_source_and_greedy_decoding()
    {
        var rows = Build(query: new LeaderboardQuery(Kind: LeaderboardRowKind.Reported)).Rows;

        Assert.Equal(Reported.Count, rows.Count);
        Assert.All(rows, r => Assert.Equal((LeaderboardRowKind.Reported, "greedy"), (r.Kind, r.Decoding)));
        Assert.All(rows, r => Assert.StartsWith("arXiv 2505.03335, Table", r.Source));
        Assert.Equal("llama", rows.Single(r => r.Model == "AZR-Llama-8B (from Llama-3.1-8B)").Family);
        Assert.Equal("qwen2", rows.Single(r => r.Model == "Qwen2.5-Math-7B").Family);
    }

    [Fact]
    public void A_measured_row_is_in_percent_with_n_and_interval_and_averages_only_once_complete()
    {
        var partial = Measured(1, (BenchmarkNames.HumanEvalPlus, 0.5), (BenchmarkNames.Math500, 0.25));
        var complete = Measured(2, [.. BenchmarkNames.PaperCode.Select(b => (b, 0.6)), .. BenchmarkNames.PaperMath.Select(b => (b, 0.2)), (BenchmarkNames.Gsm8k, 0.9)]);

        var rows = Build([partial, complete], new LeaderboardQuery(Kind: LeaderboardRowKind.Measured)).Rows.ToDictionary(r => r.RunId!.Value);

        var cell = rows[1].Scores[BenchmarkNames.HumanEvalPlus];
        Assert.Equal((50.0, 10), (cell.Value, cell.N));
        Assert.Equal(40, cell.CiLow!.Value, 9);
        Assert.Equal(60, cell.CiHigh!.Value, 9);
        Assert.Equal(45, cell.Base!.Value, 9);
        Assert.Equal((null, null, null), (rows[1].CodeAverage, rows[1].MathAverage, rows[1].Overall));
        Assert.Equal(60, rows[2].CodeAverage!.Value, 9);
        Assert.Equal(20, rows[2].MathAverage!.Value, 9);   // gsm8k is not one of the six
        Assert.Equal(40, rows[2].Overall!.Value, 9);
        Assert.Equal("/samples/2", rows[2].SamplesUrl);
    }

    [Fact]
    public void Measured_livecodebench_and_limited_runs_say_they_are_not_comparable()
    {
        var limited = Measured(3, (BenchmarkNames.LiveCodeBench, 0.1)) with { Limit = 5 };

        var row = Build([limited]).Rows.Single(r => r.RunId == 3);

        Assert.Equal(LeaderboardBuilder.NotComparableLabel, row.Scores[BenchmarkNames.LiveCodeBench].Label);
        Assert.Contains(row.Notes, n => n.Contains("first 5 problems"));
        Assert.Contains(row.Notes, n => n.Contains("public tests only"));
        Assert.All(Build().Rows, r => Assert.Empty(r.Notes));
    }

    [Fact]
    public void Sorting_by_any_column_puts_rows_without_a_value_last_either_way()
    {
        var measured = Measured(4, (BenchmarkNames.HumanEvalPlus, 0.99));
        foreach (var descending in new[] { true, false })
        {
            var overall = Build([measured], new LeaderboardQuery(Sort: LeaderboardQuery.Overall, Descending: descending)).Rows;
            Assert.Equal(4, overall[^1].RunId);
            var values = overall.Take(overall.Count - 1).Select(r => r.Overall!.Value).ToList();
            Assert.Equal(descending ? values.OrderDescending() : values.Order(), values);
        }

        var byHumanEval = Build([measured], new LeaderboardQuery(Sort: BenchmarkNames.HumanEvalPlus)).Rows;
        Assert.Equal(4, byHumanEval[0].RunId);
        Assert.Equal("AZR-Coder-7B (from Qwen2.5-Coder-7B)", byHumanEval[1].Model); // 83.5, the best reported
        Assert.Equal("AZR-Coder-14B (from Qwen2.5-Coder-14B)", Build(query: new LeaderboardQuery()).Rows[0].Model); // overall 53.3
        var byModel = Build(query: new LeaderboardQuery(Sort: LeaderboardQuery.Model, Descending: false)).Rows.Select(r => r.Model).ToList();
        Assert.Equal(byModel.Order(StringComparer.OrdinalIgnoreCase), byModel);
        Assert.Throws<ArgumentException>(() => Build(query: new LeaderboardQuery(Sort: "nonsense")));
    }

    [Fact]
    public void Filters_select_family_kind_model_text_and_benchmark_columns()
    {
        var measured = Measured(5, (BenchmarkNames.Gsm8k, 0.5));

        Assert.All(Build([measured], new LeaderboardQuery(Family: "LLAMA")).Rows, r => Assert.Equal("llama", r.Family));
        Assert.Equal(3, Build([measured], new LeaderboardQuery(Family: "llama")).Rows.Count);
        Assert.Equal(["Qwen2.5-Math-7B", "Oat-Zero (from Qwen2.5-Math-7B)"], Build([measured], new LeaderboardQuery(Search: "math-7b", Sort: LeaderboardQuery.Model)).Rows.Select(r => r.Model));
        var gsm8k = Build([measured], new LeaderboardQuery(Benchmarks: [BenchmarkNames.Gsm8k]));
        Assert.Equal([BenchmarkNames.Gsm8k], gsm8k.Benchmarks);
        Assert.Equal(5, Assert.Single(gsm8k.Rows).RunId);
        Assert.Equal([.. BenchmarkNames.PaperCode, .. BenchmarkNames.PaperMath, BenchmarkNames.Gsm8k], Build([measured]).Benchmarks);
        Assert.Equal([.. BenchmarkNames.PaperCode, .. BenchmarkNames.PaperMath], Build().Benchmarks);
    }

    [Fact]
    public void A_reported_results_file_in_the_wrong_shape_is_refused_naming_the_row()
    {
        static IReadOnlyList<ReportedRow> Read(string json) => ReportedResults.Read(new MemoryStream(Encoding.UTF8.GetBytes(json)), "x.json");

        Assert.Contains("x.json: rows[1] (B): unknown benchmark 'humaneval'", Assert.Throws<InvalidDataException>(() =>
            Read("""{"rows": [{"model": "A", "scores": {"math500": 1}}, {"model": "B", "scores": {"humaneval": 2}}]}""")).Message);
        Assert.Contains("must be a percentage", Assert.Throws<InvalidDataException>(() => Read("""{"rows": [{"model": "A", "scores": {"math500": 120}}]}""")).Message);
        Assert.Contains("'rows' array", Assert.Throws<InvalidDataException>(() => Read("[]")).Message);
        Assert.Contains("not valid JSON", Assert.Throws<InvalidDataException>(() => Read("{")).Message);
    }

    private static LeaderboardTable Build(IReadOnlyList<MeasuredEntry>? measured = null, LeaderboardQuery? query = null) =>
        LeaderboardBuilder.Build(Reported, measured ?? [], query ?? new LeaderboardQuery());

    private static MeasuredEntry Measured(long runId, params (string Benchmark, double PassAt1)[] scores) =>
        new(runId, $"model-{runId}", "qwen2", "preset", "succeeded", "greedy", null,
            scores.ToDictionary(s => s.Benchmark, s => new MeasuredScore(s.PassAt1, 10, s.PassAt1 - 0.1, s.PassAt1 + 0.1,
                s.Benchmark is BenchmarkNames.HumanEvalPlus or BenchmarkNames.MbppPlus ? s.PassAt1 - 0.05 : null)),
            $"/samples/{runId}");
}
