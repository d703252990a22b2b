using System.Text.Json;
using AbsoluteZero.Core.Configuration;
using AbsoluteZero.Core.Json;
using AbsoluteZero.Data;
using AbsoluteZero.Data.Evaluation;
using AbsoluteZero.Data.Runs;
using Microsoft.Extensions.DependencyInjection;

namespace AbsoluteZero.Web.Tests.Evaluation;

/// <summary>
/// <c>GET /api/v1/leaderboard</c>: the paper's rows labelled reported with the paper's averages, measured rows from
/// stored scores (percent, n, interval), filters, sorting and parameter checks.
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class LeaderboardApiTests(PlatformFixture platform)
{
    [Fact]
    public async Task Reported_rows_carry_the_papers_averages_computed_from_their_own_scores()
    {
        using var client = platform.Client(platform.Viewer);
        var board = await (await client.GetAsync("/api/v1/leaderboard?kind=reported")).ReadJsonAsync();

        var rows = board.GetProperty("rows").EnumerateArray().ToList();
        Assert.Equal(25, rows.Count);
        Assert.Contains("overall = (code_average + math_average) / 2", board.GetProperty("averages").GetString());
        foreach (var row in rows)
        {
            Assert.Equal("reported", row.GetProperty("kind").GetString());
            var scores = row.GetProperty("scores");
            double Mean(IEnumerable<string> names) => names.Average(b => scores.GetProperty(b).GetProperty("value").GetDouble());
            var code = Mean(BenchmarkNames.PaperCode);
            var math = Mean(BenchmarkNames.PaperMath);
            Assert.Equal(code, row.GetProperty("code_average").GetDouble(), 9);
            Assert.Equal(math, row.GetProperty("math_average").GetDouble(), 9);
            Assert.Equal((code + math) / 2, row.GetProperty("overall").GetDouble(), 9);
        }

        var azr = rows.Single(r => r.GetProperty("model").GetString() == "AZR-Coder-7B (from Qwen2.5-Coder-7B)");
        Assert.Equal(50.4, azr.GetProperty("overall").GetDouble(), 0.051); // as printed in the paper's Table 1
        var overall = rows.Select(r => r.GetProperty("overall").GetDouble()).ToList();
        Assert.Equal(overall.OrderDescending(), overall);
    }

    [Fact]
    public async Task Measured_rows_come_from_stored_scores_in_percent_with_n_and_interval()
    {
        var complete = await EvaluationWithScoresAsync("leaderboard-complete", [.. BenchmarkNames.PaperCode, .. BenchmarkNames.PaperMath]);
        var partial = await EvaluationWithScoresAsync("leaderboard-partial", [BenchmarkNames.Aime2024]);
        using var client = platform.Client(platform.Viewer);

        var board = await (await client.GetAsync("/api/v1/leaderboard?kind=measured")).ReadJsonAsync();

        var order = board.GetProperty("rows").EnumerateArray().Select(r => r.GetProperty("run_id").GetInt64()).ToList();
        var rows = board.GetProperty("rows").EnumerateArray().ToDictionary(r => r.GetProperty("run_id").GetInt64());
        Assert.Equal(("measured", "succeeded", "greedy"), (rows[complete].GetProperty("kind").GetString(), rows[complete].GetProperty("status").GetString(), rows[complete].GetProperty("decoding").GetString()));
        var aime = rows[complete].GetProperty("scores").GetProperty("aime2024");
        Assert.Equal((25.0, 30), (aime.GetProperty("value").GetDouble(), aime.GetProperty("n").GetInt32()));
        Assert.Equal(10, aime.GetProperty("ci_low").GetDouble(), 9);
        Assert.Equal(40, aime.GetProperty("ci_high").GetDouble(), 9);
        Assert.Equal(25, rows[complete].GetProperty("overall").GetDouble(), 9);
        Assert.Equal("public tests only — not comparable", rows[complete].GetProperty("scores").GetProperty("livecodebench").GetProperty("label").GetString());
        Assert.Equal(JsonValueKind.Null, rows[partial].GetProperty("math_average").ValueKind);
        Assert.Equal($"/api/v1/evaluations/{partial}/samples", rows[partial].GetProperty("samples_url").GetString());
        // Sorted by overall, rows without one last.
        Assert.True(order.IndexOf(complete) < order.IndexOf(partial));
        Assert.Equal("tiny", rows[partial].GetProperty("model").GetString());
    }

    [Fact]
    public async Task Columns_filter_and_sort_follow_the_query()
    {
        using var client = platform.Client(platform.Viewer);
        var board = await (await client.GetAsync("/api/v1/leaderboard?benchmark=math500&benchmark=aime2024&family=llama&sort=math500&order=asc")).ReadJsonAsync();

        Assert.Equal(["aime2024", "math500"], board.GetProperty("benchmarks").EnumerateArray().Select(b => b.GetString()));
        var rows = board.GetProperty("rows").EnumerateArray().ToList();
        Assert.Equal(3, rows.Count);
        Assert.All(rows, r => Assert.Equal("llama", r.GetProperty("family").GetString()));
        var math500 = rows.Select(r => r.GetProperty("scores").GetProperty("math500").GetProperty("value").GetDouble()).ToList();
        Assert.Equal(math500.Order(), math500);
    }

    [Theory]
    [InlineData("sort=best", "sort")]
    [InlineData("kind=guessed", "kind")]
    [InlineData("benchmark=chess", "benchmark")]
    [InlineData("order=up", "order")]
    public async Task Bad_parameters_are_named(string query, string field)
    {
        using var client = platform.Client(platform.Viewer);
        await (await client.GetAsync("/api/v1/leaderboard?" + query)).AssertFieldErrorAsync(field);
    }

    /// <summary>A finished evaluation of tiny with pass@1 = 25% (interval 10–40%) over 30 problems on each benchmark.</summary>
    private async Task<long> EvaluationWithScoresAsync(string name, IReadOnlyList<string> benchmarks)
    {
        await using var scope = platform.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AzrDbContext>();
        var now = DateTimeOffset.UtcNow;
        var config = new EvalConfig { Model = new EvalModel { Name = "tiny" }, Benchmarks = benchmarks };
        var run = new Run
        {
            Name = name, Kind = RunKind.Eval, Status = RunStatus.Succeeded, Queue = "parked", Owner = platform.Researcher.Name,
            Config = JsonSerializer.Serialize(config, AzrJson.Options), CreatedAt = now,
        };
        db.Runs.Add(run);
        await db.SaveChangesAsync();
        db.EvalScores.AddRange(benchmarks.Select(b => new EvalScore { RunId = run.Id, Benchmark = b, Metric = "pass@1", Value = 0.25, N = 30, CiLow = 0.1, CiHigh = 0.4, CreatedAt = now }));
        await db.SaveChangesAsync();
        return run.Id;
    }
}
