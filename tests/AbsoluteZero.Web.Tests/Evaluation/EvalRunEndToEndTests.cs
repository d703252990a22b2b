using System.Globalization;
using System.Net;
using System.Text.Json;
using AbsoluteZero.Web.Tests.Training;
using AbsoluteZero.Web.Training;

namespace AbsoluteZero.Web.Tests.Evaluation;

/// <summary>
/// Evaluation runs on the real platform: queued over REST on a real <c>azr serve</c> process, carried out by a real
/// <c>azr eval --run</c> child (TorchSharp's tiny model, the real sandbox and grader), recorded in PostgreSQL and read
/// back through the evaluations API and the leaderboard. The tiny model is random, so its scores are ~0: the tests
/// check the structure and the consistency of what is stored, not quality.
/// </summary>
[Collection(ServeProcessCollection.Name)]
public sealed class EvalRunEndToEndTests(ServeProcessFixture platform)
{
    private static readonly TimeSpan Evaluating = TimeSpan.FromMinutes(8);

    [Fact]
    public async Task A_tiny_eval_of_a_code_and_a_math_benchmark_stores_every_sample_and_scores_consistent_with_them()
    {
        using var client = platform.Client(platform.ResearcherToken);
        var id = await RunPolling.CreateAsync(client, new
        {
            kind = "eval",
            config = new { model = new { name = "tiny" }, benchmarks = new[] { "humaneval-plus", "math500" }, limit = 3, decoding = new { max_new_tokens = 16 } },
        });
        var run = await RunPolling.WaitForAsync(client, id, r => r.GetProperty("status").GetString() is "succeeded" or "failed" or "cancelled", Evaluating);
        Assert.True(run.GetProperty("status").GetString() == "succeeded", $"{run}\nserve:\n{platform.Serve.Output}");
        Assert.Equal(("cpu", "completed", "eval tiny"), (run.GetProperty("queue").GetString(), run.GetProperty("stop_reason").GetString(), run.GetProperty("name").GetString()));
        Assert.Equal((6, 6), (run.GetProperty("current_step").GetInt32(), run.GetProperty("total_steps").GetInt32()));

        var samples = (await GetAsync(client, $"/api/v1/evaluations/{id}/samples?page_size=200")).GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(6, samples.Count);
        var code = samples.Where(s => s.GetProperty("benchmark").GetString() == "humaneval-plus").ToList();
        var math = samples.Where(s => s.GetProperty("benchmark").GetString() == "math500").ToList();
        Assert.Equal(["HumanEval/0", "HumanEval/1", "HumanEval/2"], code.Select(s => s.GetProperty("problem_id").GetString()));
        Assert.Equal(3, math.Count);
        Assert.All(samples, s => Assert.Equal(0, s.GetProperty("sample_index").GetInt32()));
        Assert.All(code, s =>
        {
            // tiny is a preset, not an AZR checkpoint: base style, EvalPlus's direct completion of the task's code.
            var prompt = s.GetProperty("prompt").GetString()!;
            Assert.Contains("def ", prompt);
            Assert.StartsWith(prompt, s.GetProperty("extracted").GetString());
            Assert.Equal(s.GetProperty("passed").GetBoolean(), s.GetProperty("plus_passed").GetBoolean());
            Assert.True(s.GetProperty("base_passed").GetBoolean() || !s.GetProperty("plus_passed").GetBoolean());
            Assert.True(s.GetProperty("passed").GetBoolean() || s.GetProperty("failure_detail").GetString() is { Length: > 0 }, $"a failure without a reason: {s}");
        });
        Assert.All(math, s =>
        {
            Assert.StartsWith("<|im_start|>system\n", s.GetProperty("prompt").GetString());
            Assert.False(string.IsNullOrEmpty(s.GetProperty("reference").GetString()));
            Assert.Equal(JsonValueKind.Null, s.GetProperty("base_passed").ValueKind);
            Assert.True(s.GetProperty("passed").GetBoolean() || s.GetProperty("failure_detail").GetString() is { Length: > 0 }, $"a failure without a reason: {s}");
        });

        var evaluation = await GetAsync(client, $"/api/v1/evaluations/{id}");
        var scores = evaluation.GetProperty("scores").EnumerateArray()
            .ToDictionary(s => (s.GetProperty("benchmark").GetString(), s.GetProperty("metric").GetString()));
        Assert.Equal(4, scores.Count);
        AssertScore(scores[("humaneval-plus", "pass@1")], code, "passed");
        AssertScore(scores[("humaneval-plus", "plus_pass@1")], code, "plus_passed");
        AssertScore(scores[("humaneval-plus", "base_pass@1")], code, "base_passed");
        AssertScore(scores[("math500", "pass@1")], math, "passed");
        Assert.Equal(
            [("humaneval-plus", 3, code.Count(s => s.GetProperty("passed").GetBoolean())), ("math500", 3, math.Count(s => s.GetProperty("passed").GetBoolean()))],
            evaluation.GetProperty("progress").EnumerateArray()
                .Select(p => (p.GetProperty("benchmark").GetString(), p.GetProperty("samples").GetInt32(), p.GetProperty("passed").GetInt32())).OrderBy(p => p.Item1));

        // Drill-down: filters and one sample by id.
        var failingMath = await GetAsync(client, $"/api/v1/evaluations/{id}/samples?benchmark=math500&passed=false");
        Assert.Equal(math.Count(s => !s.GetProperty("passed").GetBoolean()), failingMath.GetProperty("total").GetInt32());
        var one = await GetAsync(client, $"/api/v1/evaluations/{id}/samples/{math[0].GetProperty("id").GetInt64()}");
        Assert.Equal(math[0].ToString(), one.ToString());

        var leaderboard = await GetAsync(client, "/api/v1/leaderboard?kind=measured");
        var row = leaderboard.GetProperty("rows").EnumerateArray().Single(r => r.GetProperty("run_id").GetInt64() == id);
        Assert.Equal(("measured", "tiny", "qwen2", "succeeded"),
            (row.GetProperty("kind").GetString(), row.GetProperty("model").GetString(), row.GetProperty("family").GetString(), row.GetProperty("status").GetString()));
        Assert.Equal($"/api/v1/evaluations/{id}/samples", row.GetProperty("samples_url").GetString());
        var cell = row.GetProperty("scores").GetProperty("math500");
        Assert.Equal(scores[("math500", "pass@1")].GetProperty("value").GetDouble() * 100, cell.GetProperty("value").GetDouble(), 9);
        Assert.Equal(3, cell.GetProperty("n").GetInt32());
        Assert.Equal(JsonValueKind.Null, row.GetProperty("overall").ValueKind);
        Assert.Contains(row.GetProperty("notes").EnumerateArray(), n => n.GetString()!.Contains("first 3 problems"));
        await AssertNoEvalChildAsync(id);
    }

    [Fact]
    public async Task Sampling_several_responses_per_problem_in_the_azr_style_reports_pass_at_k_over_problems()
    {
        using var client = platform.Client(platform.ResearcherToken);
        var id = await RunPolling.CreateAsync(client, new
        {
            kind = "eval",
            config = new
            {
                model = new { name = "tiny" }, benchmarks = new[] { "aime2024" }, limit = 2, prompt_style = "azr",
                decoding = new { temperature = 1.0, top_p = 0.95, samples = 3, max_new_tokens = 8 },
            },
        });
        var run = await RunPolling.WaitForAsync(client, id, r => r.GetProperty("status").GetString() is "succeeded" or "failed" or "cancelled", Evaluating);
        Assert.True(run.GetProperty("status").GetString() == "succeeded", $"{run}\nserve:\n{platform.Serve.Output}");
        Assert.Equal((2, 2), (run.GetProperty("current_step").GetInt32(), run.GetProperty("total_steps").GetInt32()));

        var samples = (await GetAsync(client, $"/api/v1/evaluations/{id}/samples")).GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(6, samples.Count);
        Assert.All(samples.GroupBy(s => s.GetProperty("problem_id").GetString()), problem =>
            Assert.Equal([0, 1, 2], problem.Select(s => s.GetProperty("sample_index").GetInt32()).Order()));
        Assert.All(samples, s => Assert.EndsWith("\nAssistant: <think>", s.GetProperty("prompt").GetString()));

        var scores = (await GetAsync(client, $"/api/v1/evaluations/{id}")).GetProperty("scores").EnumerateArray()
            .ToDictionary(s => s.GetProperty("metric").GetString()!, s => s);
        Assert.Equal(["pass@1", "pass@3"], scores.Keys.Order());
        Assert.All(scores.Values, s => Assert.Equal(2, s.GetProperty("n").GetInt32()));
        // pass@1 is each problem's share of correct samples, averaged; pass@3 with 3 samples is "any sample correct".
        var byProblem = samples.GroupBy(s => s.GetProperty("problem_id").GetString()).Select(g => g.Select(s => s.GetProperty("passed").GetBoolean()).ToList()).ToList();
        Assert.Equal(byProblem.Average(p => p.Count(x => x) / 3.0), scores["pass@1"].GetProperty("value").GetDouble(), 12);
        Assert.Equal(byProblem.Average(p => p.Any(x => x) ? 1.0 : 0.0), scores["pass@3"].GetProperty("value").GetDouble(), 12);
    }

    [Fact]
    public async Task Cancelling_a_running_eval_stops_its_child_and_keeps_the_samples_it_recorded()
    {
        using var client = platform.Client(platform.ResearcherToken);
        var id = await RunPolling.CreateAsync(client, new
        {
            kind = "eval",
            config = new { model = new { name = "tiny" }, benchmarks = new[] { "gsm8k", "math500" }, limit = 200, decoding = new { max_new_tokens = 64 } },
        });
        await RunPolling.WaitForAsync(client, id, r => r.GetProperty("current_step").GetInt32() > 0 || r.GetProperty("status").GetString() is "failed" or "succeeded", Evaluating);
        Assert.Equal(HttpStatusCode.OK, (await client.PostAsync($"/api/v1/runs/{id}/cancel", null)).StatusCode);

        var run = await RunPolling.WaitForAsync(client, id, r => r.GetProperty("status").GetString() != "running", TimeSpan.FromMinutes(2));
        Assert.Equal(("cancelled", "cancelled"), (run.GetProperty("status").GetString(), run.GetProperty("stop_reason").GetString()));
        var done = run.GetProperty("current_step").GetInt32();
        Assert.Equal(400, run.GetProperty("total_steps").GetInt32());
        Assert.InRange(done, 1, 199);
        var samples = await GetAsync(client, $"/api/v1/evaluations/{id}/samples?benchmark=gsm8k&page_size=1");
        Assert.Equal(done, samples.GetProperty("total").GetInt32());
        // gsm8k was not finished, so nothing was scored.
        Assert.Empty((await GetAsync(client, $"/api/v1/evaluations/{id}")).GetProperty("scores").EnumerateArray());
        await AssertNoEvalChildAsync(id);
    }

    [Fact]
    public async Task A_model_folder_that_does_not_exist_fails_the_run_saying_so()
    {
        using var client = platform.Client(platform.ResearcherToken);
        var id = await RunPolling.CreateAsync(client, new
        {
            kind = "eval",
            queue = "cpu",
            config = new { model = new { path = "/nonexistent/model-folder" }, benchmarks = new[] { "aime2024" }, limit = 1 },
        });

        var run = await RunPolling.WaitForAsync(client, id, r => r.GetProperty("status").GetString() is "succeeded" or "failed", Evaluating);
        Assert.Equal(("failed", "error"), (run.GetProperty("status").GetString(), run.GetProperty("stop_reason").GetString()));
        Assert.Contains("azr eval exited with code 2", run.GetProperty("error").GetString());
        Assert.Contains("/nonexistent/model-folder", run.GetProperty("error").GetString());
        await AssertNoEvalChildAsync(id);
    }

    private static void AssertScore(JsonElement score, IReadOnlyList<JsonElement> samples, string verdict)
    {
        var passed = samples.Count(s => s.GetProperty(verdict).GetBoolean());
        var value = score.GetProperty("value").GetDouble();
        Assert.Equal((double)passed / samples.Count, value, 12);
        Assert.Equal(samples.Count, score.GetProperty("n").GetInt32());
        Assert.InRange(value, score.GetProperty("ci_low").GetDouble(), score.GetProperty("ci_high").GetDouble());
    }

    private static async Task<JsonElement> GetAsync(HttpClient client, string path)
    {
        var response = await client.GetAsync(path);
        Assert.True(response.IsSuccessStatusCode, $"GET {path}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return await response.ReadJsonAsync();
    }

    /// <summary>No <c>azr eval --run ID</c> left, and nothing at all below the serve process (sandbox workers included).</summary>
    private async Task AssertNoEvalChildAsync(long runId)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(15);
        while (true)
        {
            var left = ProcessTable.EvaluatorsOf(runId).Concat(ProcessTree.DescendantsOf(platform.Serve.Pid)).ToList();
            if (left.Count == 0)
                return;
            Assert.True(DateTime.UtcNow < deadline, "still running: " + string.Join("; ", left));
            await Task.Delay(200);
        }
    }
}
