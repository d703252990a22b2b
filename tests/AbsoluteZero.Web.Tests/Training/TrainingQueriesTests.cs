using System.Net;
using System.Text.Json;
using AbsoluteZero.Core.Tasks;
using AbsoluteZero.Data.Runs;
using AbsoluteZero.Web.Training;

namespace AbsoluteZero.Web.Tests.Training;

/// <summary>What REST (and the run page, through the same services) reads back from a training run's records.</summary>
[Collection(PlatformCollection.Name)]
public sealed class TrainingQueriesTests(PlatformFixture platform)
{
    [Fact]
    public async Task Buckets_keep_min_max_and_last_of_each_step_range()
    {
        using var client = platform.Client(platform.Viewer);
        using var owner = platform.Client(platform.Researcher);
        var id = await RunPolling.CreateAsync(owner, RunPolling.Parked("buckets"));
        // loss(step) = step, except a spike of 1000 at step 37; 100 steps in 10 buckets of 10.
        var steps = Enumerable.Range(1, 100).Select(s => TrainingRows.Step(s, ("loss", s == 37 ? 1000 : s), ("other", -s))).ToArray();
        await TrainingRows.RecordAsync(platform, id, steps);

        var body = await (await client.GetAsync($"/api/v1/runs/{id}/metrics?names=loss&buckets=10")).ReadJsonAsync();
        var series = Assert.Single(body.GetProperty("series").EnumerateArray());
        Assert.Equal("loss", series.GetProperty("name").GetString());
        var buckets = series.GetProperty("buckets").EnumerateArray().ToList();
        Assert.Equal(10, buckets.Count);
        Assert.Equal((1, 10, 1.0, 10.0, 10.0, 10), Summary(buckets[0]));
        Assert.Equal((31, 40, 31.0, 1000.0, 40.0, 10), Summary(buckets[3]));
        Assert.Equal((91, 100, 91.0, 100.0, 100.0, 10), Summary(buckets[9]));
        // The points are each bucket's last value, for clients that draw only a line.
        Assert.Equal([10, 20, 30, 40, 50, 60, 70, 80, 90, 100], series.GetProperty("points").EnumerateArray().Select(p => p.GetProperty("step").GetInt32()));

        var ranged = await (await client.GetAsync($"/api/v1/runs/{id}/metrics?name=loss&name=other&from=35&to=44&buckets=2")).ReadJsonAsync();
        var byName = ranged.GetProperty("series").EnumerateArray().ToDictionary(s => s.GetProperty("name").GetString()!);
        Assert.Equal([(35, 39, 35.0, 1000.0, 39.0, 5), (40, 44, 40.0, 44.0, 44.0, 5)], byName["loss"].GetProperty("buckets").EnumerateArray().Select(Summary));
        Assert.Equal(-44.0, byName["other"].GetProperty("buckets")[1].GetProperty("last").GetDouble());

        var raw = await (await client.GetAsync($"/api/v1/runs/{id}/metrics?names=loss,other&from=99")).ReadJsonAsync();
        Assert.All(raw.GetProperty("series").EnumerateArray(), s =>
        {
            Assert.Equal(JsonValueKind.Null, s.GetProperty("buckets").ValueKind);
            Assert.Equal([99, 100], s.GetProperty("points").EnumerateArray().Select(p => p.GetProperty("step").GetInt32()));
        });
        var caughtUp = await (await client.GetAsync($"/api/v1/runs/{id}/metrics?name=loss&after_step=98")).ReadJsonAsync();
        Assert.Equal([99, 100], caughtUp.GetProperty("series")[0].GetProperty("points").EnumerateArray().Select(p => p.GetProperty("step").GetInt32()));

        await (await client.GetAsync($"/api/v1/runs/{id}/metrics?buckets=0")).AssertFieldErrorAsync("buckets");
        await (await client.GetAsync($"/api/v1/runs/{id}/metrics?from=5&to=4")).AssertFieldErrorAsync("from");
        await (await client.GetAsync("/api/v1/runs/987654/metrics?buckets=5")).AssertProblemAsync(404);
    }

    [Fact]
    public async Task Tasks_filter_by_type_validity_step_range_reason_and_text_and_page()
    {
        using var client = platform.Client(platform.Viewer);
        using var owner = platform.Client(platform.Researcher);
        var id = await RunPolling.CreateAsync(owner, RunPolling.Parked("task-filters"));
        await TrainingRows.RecordAsync(platform, id,
            TrainingRows.Triplet(TaskType.Deduction, 0, "def f(a):\n    return a", "\"Hello world\"", "'Hello world'", origin: "seed"),
            TrainingRows.Triplet(TaskType.Abduction, 0, "def f(a):\n    return a", "\"Hello world\"", "'Hello world'", origin: "seed"),
            TrainingRows.Triplet(TaskType.Abduction, 1, "def f(n):\n    return sorted(n)", "[3, 1]", "[1, 3]"),
            TrainingRows.Triplet(TaskType.Abduction, 1, "import random\ndef f(a):\n    return random.random()", "1", "", valid: false, added: false, reason: "nondeterministic: two runs disagree"),
            TrainingRows.Triplet(TaskType.Deduction, 2, "def f(a)", "1", "", valid: false, added: false, reason: "syntax error: invalid syntax"),
            TrainingRows.Induction(2, "def f(s):\n    return s[::-1]", ["'ab'", "'xyz'"], ["'ba'", "'zyx'"], "reverses a word"),
            TrainingRows.Triplet(TaskType.Deduction, 3, "def f(a):\n    return a * 2", "4", "8", added: false, reason: "the deduction buffer is full"));

        async Task<List<JsonElement>> Items(string query) =>
            (await (await client.GetAsync($"/api/v1/runs/{id}/tasks?{query}")).ReadJsonAsync()).GetProperty("items").EnumerateArray().ToList();

        Assert.Equal(7, (await Items("")).Count);
        Assert.Equal([0, 1, 1], (await Items("type=abduction")).Select(t => t.GetProperty("step").GetInt32()));
        Assert.Equal((await Items("type=abduction")).Count, (await Items("task_type=abduction")).Count);
        Assert.Equal(["nondeterministic: two runs disagree", "syntax error: invalid syntax"], (await Items("valid=false")).Select(t => t.GetProperty("failure_reason").GetString()));
        Assert.Equal(2, (await Items("step=0")).Count);
        Assert.All(await Items("origin=seed"), t => Assert.Equal(0, t.GetProperty("step").GetInt32()));
        Assert.Equal(4, (await Items("at_step=1")).Count);
        Assert.Equal([1, 1, 2, 2], (await Items("from_step=1&to_step=2")).Select(t => t.GetProperty("step").GetInt32()));
        Assert.Equal("syntax error: invalid syntax", Assert.Single(await Items("reason=SYNTAX")).GetProperty("failure_reason").GetString());
        Assert.Equal(2, (await Items("in_buffer=false&valid=false")).Count);
        Assert.Equal("the deduction buffer is full", Assert.Single(await Items("in_buffer=false&valid=true")).GetProperty("failure_reason").GetString());
        // Text search reaches programs, inputs, outputs and induction's jsonb inputs and message.
        Assert.Equal("def f(n):\n    return sorted(n)", Assert.Single(await Items("search=sorted")).GetProperty("program").GetString());
        Assert.Equal("induction", Assert.Single(await Items("search=xyz")).GetProperty("task_type").GetString());
        Assert.Equal("induction", Assert.Single(await Items("search=REVERSES")).GetProperty("task_type").GetString());
        Assert.Empty(await Items("search=100%25"));
        Assert.Equal([3, 2], (await Items("order=desc&page_size=2")).Select(t => t.GetProperty("step").GetInt32()));
        var page = await (await client.GetAsync($"/api/v1/runs/{id}/tasks?type=abduction&page=2&page_size=2")).ReadJsonAsync();
        Assert.Equal(3, page.GetProperty("total").GetInt32());
        var last = Assert.Single(page.GetProperty("items").EnumerateArray());
        Assert.False(last.GetProperty("valid").GetBoolean());

        var one = await (await client.GetAsync($"/api/v1/runs/{id}/tasks/{last.GetProperty("id").GetInt64()}")).ReadJsonAsync();
        Assert.Equal(last.GetProperty("program").GetString(), one.GetProperty("program").GetString());
        await (await client.GetAsync($"/api/v1/runs/{id}/tasks/987654321")).AssertProblemAsync(404);

        var reasons = await (await client.GetAsync($"/api/v1/runs/{id}/failure_reasons")).ReadJsonAsync();
        Assert.Equal(3, reasons.GetArrayLength());
        Assert.All(reasons.EnumerateArray(), r => Assert.Equal(1, r.GetProperty("count").GetInt32()));

        await (await client.GetAsync($"/api/v1/runs/{id}/tasks?type=coding")).AssertFieldErrorAsync("type");
        await (await client.GetAsync($"/api/v1/runs/{id}/tasks?type=abduction&task_type=deduction")).AssertFieldErrorAsync("type");
        await (await client.GetAsync($"/api/v1/runs/{id}/tasks?from_step=3&to_step=1")).AssertFieldErrorAsync("from_step");
        await (await client.GetAsync($"/api/v1/runs/{id}/tasks?origin=magic")).AssertFieldErrorAsync("origin");
    }

    [Fact]
    public async Task Checkpoints_and_the_log_come_back_in_order()
    {
        using var client = platform.Client(platform.Viewer);
        using var owner = platform.Client(platform.Researcher);
        var id = await RunPolling.CreateAsync(owner, RunPolling.Parked("checkpoints"));
        var at = DateTimeOffset.UtcNow;
        await TrainingRows.RecordAsync(platform, id,
            new LogRecord(at, RunLogLevels.Info, "training tiny: steps 1..4"),
            new CheckpointRecord(2, "/runs/c/checkpoints/step-000002", 100, null, at),
            new CheckpointRecord(4, "/runs/c/checkpoints/step-000004", 200, """{"loss": 0.5}""", at),
            new CheckpointRemovedRecord("/runs/c/checkpoints/step-000002", at),
            new LogRecord(at, RunLogLevels.Info, "finished: 4 steps"));

        var body = await (await client.GetAsync($"/api/v1/runs/{id}/checkpoints")).ReadJsonAsync();
        var checkpoints = body.GetProperty("checkpoints").EnumerateArray().ToList();
        Assert.Equal([2, 4], checkpoints.Select(c => c.GetProperty("step").GetInt32()));
        Assert.False(checkpoints[0].GetProperty("available").GetBoolean());
        Assert.True(checkpoints[1].GetProperty("available").GetBoolean());
        Assert.Equal(0.5, checkpoints[1].GetProperty("metrics").GetProperty("loss").GetDouble());
        Assert.Equal($"run-{id}-step-4", checkpoints[1].GetProperty("model_name").GetString());

        var log = await (await client.GetAsync($"/api/v1/runs/{id}/logs")).ReadJsonAsync();
        var lines = log.GetProperty("lines").EnumerateArray().ToList();
        Assert.Equal(["training tiny: steps 1..4", "finished: 4 steps"], lines.Select(l => l.GetProperty("message").GetString()));
        var after = await (await client.GetAsync($"/api/v1/runs/{id}/logs?after_id={lines[0].GetProperty("id").GetInt64()}")).ReadJsonAsync();
        Assert.Equal("finished: 4 steps", Assert.Single(after.GetProperty("lines").EnumerateArray()).GetProperty("message").GetString());
        await (await client.GetAsync("/api/v1/runs/987654/checkpoints")).AssertProblemAsync(404);
    }

    private static (int From, int To, double Min, double Max, double Last, int Count) Summary(JsonElement b) =>
        (b.GetProperty("from_step").GetInt32(), b.GetProperty("to_step").GetInt32(), b.GetProperty("min").GetDouble(),
         b.GetProperty("max").GetDouble(), b.GetProperty("last").GetDouble(), b.GetProperty("count").GetInt32());
}
