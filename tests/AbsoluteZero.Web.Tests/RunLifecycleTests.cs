using System.Net;
using System.Text.Json;
using AbsoluteZero.Data;
using AbsoluteZero.Data.Models;
using AbsoluteZero.Data.Runs;
using AbsoluteZero.Data.Tasks;
using AbsoluteZero.Core.Tasks;
using AbsoluteZero.Web.Runs;
using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AbsoluteZero.Web.Tests;

/// <summary>A run's life through REST: create → list → get → cancel, the placeholder job, metrics and tasks.</summary>
[Collection(PlatformCollection.Name)]
public sealed class RunLifecycleTests(PlatformFixture platform)
{
    [Fact]
    public async Task Create_list_get_and_cancel_a_queued_run()
    {
        using var client = platform.Client(platform.Researcher);
        var response = await client.PostJsonAsync("/api/v1/runs", new
        {
            kind = "train",
            preset = "qwen2.5-coder-7b",
            steps = 3,
            config = new { self_play = new { batch_size = 8 } },
            name = "lifecycle",
            tags = new[] { "lifecycle", "smoke" },
            notes = "a run nobody picks up: no test server listens to the gpu queue",
        });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var created = await response.ReadJsonAsync();
        var id = created.GetProperty("id").GetInt64();
        Assert.Equal($"/api/v1/runs/{id}", response.Headers.Location!.OriginalString);
        Assert.Equal("queued", created.GetProperty("status").GetString());
        Assert.Equal("train", created.GetProperty("kind").GetString());
        Assert.Equal("gpu", created.GetProperty("queue").GetString());
        Assert.Equal(platform.Researcher.Name, created.GetProperty("owner").GetString());
        Assert.Equal(3, created.GetProperty("total_steps").GetInt32());
        Assert.False(string.IsNullOrEmpty(created.GetProperty("job_id").GetString()));
        // The stored config is the bound RunConfig: preset + overrides + steps, snake_case.
        var config = created.GetProperty("config");
        Assert.Equal(8, config.GetProperty("self_play").GetProperty("batch_size").GetInt32());
        Assert.Equal(3, config.GetProperty("schedule").GetProperty("steps").GetInt32());
        Assert.Equal("Qwen/Qwen2.5-Coder-7B", config.GetProperty("model").GetProperty("name").GetString());

        foreach (var filter in new[] { "tag=lifecycle", "status=queued&tag=lifecycle", "kind=train&tag=lifecycle", $"owner={platform.Researcher.Name}&tag=lifecycle", "search=LIFECYC" })
        {
            var list = await (await client.GetAsync($"/api/v1/runs?{filter}")).ReadJsonAsync();
            Assert.Contains(list.GetProperty("items").EnumerateArray(), r => r.GetProperty("id").GetInt64() == id);
        }

        foreach (var filter in new[] { "tag=lifecycle&status=running", "tag=lifecycle&kind=eval", "tag=lifecycle&owner=rob", "search=no-such-run-name" })
        {
            var list = await (await client.GetAsync($"/api/v1/runs?{filter}")).ReadJsonAsync();
            Assert.DoesNotContain(list.GetProperty("items").EnumerateArray(), r => r.GetProperty("id").GetInt64() == id);
        }

        var fetched = await (await client.GetAsync($"/api/v1/runs/{id}")).ReadJsonAsync();
        Assert.Equal("lifecycle", fetched.GetProperty("name").GetString());
        Assert.Equal(["lifecycle", "smoke"], fetched.GetProperty("tags").EnumerateArray().Select(t => t.GetString()));

        var cancel = await client.PostAsync($"/api/v1/runs/{id}/cancel", null);
        Assert.Equal(HttpStatusCode.OK, cancel.StatusCode);
        var cancelled = await cancel.ReadJsonAsync();
        Assert.Equal("cancelled", cancelled.GetProperty("status").GetString());
        Assert.Equal(StopReasons.Cancelled, cancelled.GetProperty("stop_reason").GetString());
        Assert.Equal(platform.Researcher.Name, cancelled.GetProperty("cancel_requested_by").GetString());
        Assert.Equal(JsonValueKind.String, cancelled.GetProperty("finished_at").ValueKind);

        // The job is gone from Hangfire, so no worker will ever start it.
        var storage = platform.Services.GetRequiredService<JobStorage>();
        var job = storage.GetMonitoringApi().JobDetails(created.GetProperty("job_id").GetString());
        Assert.Equal("Deleted", job.History.First().StateName);
    }

    [Fact]
    public async Task Paging_returns_the_requested_slice_and_the_total()
    {
        using var client = platform.Client(platform.Researcher);
        var ids = new List<long>();
        for (var i = 0; i < 3; i++)
            ids.Add(await RunPolling.CreateAsync(client, RunPolling.Parked("paging")));

        var first = await (await client.GetAsync("/api/v1/runs?tag=paging&page_size=2")).ReadJsonAsync();
        var second = await (await client.GetAsync("/api/v1/runs?tag=paging&page_size=2&page=2")).ReadJsonAsync();
        Assert.Equal(3, first.GetProperty("total").GetInt32());
        Assert.Equal(2, first.GetProperty("page_size").GetInt32());
        var seen = first.GetProperty("items").EnumerateArray().Concat(second.GetProperty("items").EnumerateArray())
            .Select(r => r.GetProperty("id").GetInt64()).ToList();
        Assert.Equal(ids.OrderByDescending(x => x), seen);
    }

    [Fact]
    public async Task A_tiny_run_is_picked_up_on_the_cpu_queue_and_a_host_without_the_azr_binary_fails_it_saying_so()
    {
        // This host runs inside the test process, not as azr, and no Platform:TrainerBinary is set: the training
        // launcher cannot start its child and says how to fix that (the real binary trains in TrainingEndToEndTests).
        using var client = platform.Client(platform.Researcher);
        var id = await RunPolling.CreateAsync(client, new { kind = "train", preset = "tiny", steps = 2 });
        var run = await RunPolling.WaitForStatusAsync(client, id, "failed");
        Assert.Equal("cpu", run.GetProperty("queue").GetString());
        Assert.Contains("cannot find the azr binary", run.GetProperty("error").GetString());
        Assert.Contains("Platform:TrainerBinary", run.GetProperty("error").GetString());
        Assert.Equal(StopReasons.Error, run.GetProperty("stop_reason").GetString());
        Assert.Equal(Environment.MachineName, run.GetProperty("worker_host").GetString());
        Assert.Equal(JsonValueKind.String, run.GetProperty("started_at").ValueKind);
    }

    [Fact]
    public async Task An_eval_run_binds_an_eval_config_and_a_host_without_the_azr_binary_fails_it_saying_so()
    {
        using var client = platform.Client(platform.Researcher);
        var response = await client.PostJsonAsync("/api/v1/runs", new
        {
            kind = "eval",
            config = new { model = new { name = "tiny" }, benchmarks = new[] { "humaneval-plus" }, limit = 5 },
        });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var created = await response.ReadJsonAsync();
        var config = created.GetProperty("config");
        Assert.Equal(["humaneval-plus"], config.GetProperty("benchmarks").EnumerateArray().Select(b => b.GetString()));
        Assert.Equal(1, config.GetProperty("decoding").GetProperty("samples").GetInt32());
        Assert.Equal("cpu", created.GetProperty("queue").GetString());

        // As for training: the evaluation child is the azr binary, which this in-process host cannot find or start (only
        // the apphost is copied beside the tests); the run fails saying so. The real binary evaluates in EvalRunEndToEndTests.
        var run = await RunPolling.WaitForStatusAsync(client, created.GetProperty("id").GetInt64(), "failed");
        var error = run.GetProperty("error").GetString()!;
        Assert.True(error.Contains("cannot find the azr binary") || error.StartsWith("azr eval ", StringComparison.Ordinal), error);
        Assert.Equal(StopReasons.Error, run.GetProperty("stop_reason").GetString());
    }

    [Fact]
    public async Task An_eval_of_a_model_folder_replaces_the_default_model_and_goes_to_the_gpu_queue()
    {
        using var client = platform.Client(platform.Researcher);
        var response = await client.PostJsonAsync("/api/v1/runs", new { kind = "eval", config = new { model = new { path = "/models/x" } }, queue = "parked" });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var model = (await response.ReadJsonAsync()).GetProperty("config").GetProperty("model");
        Assert.Equal(JsonValueKind.Null, model.GetProperty("name").ValueKind);
        Assert.Equal("/models/x", model.GetProperty("path").GetString());

        // A preset's base model must be in the model registry (nothing is downloaded).
        var unregistered = await client.PostJsonAsync("/api/v1/runs", new { kind = "eval", preset = "qwen2.5-coder-14b", queue = "parked" });
        Assert.Contains("Qwen/Qwen2.5-Coder-14B", (await unregistered.AssertFieldErrorAsync("config.model.name"))[0]);
        await using (var scope = platform.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AzrDbContext>();
            if (!await db.Models.AnyAsync(m => m.Name == "Qwen/Qwen2.5-7B"))
            {
                db.Models.Add(new RegisteredModel { Name = "Qwen/Qwen2.5-7B", Family = "qwen2", Path = "/models/qwen2.5-7b", Kind = ModelKind.Base, CreatedAt = DateTimeOffset.UtcNow });
                await db.SaveChangesAsync();
            }
        }

        var preset = await (await client.PostJsonAsync("/api/v1/runs", new { kind = "eval", preset = "qwen2.5-7b", queue = "parked" })).ReadJsonAsync();
        Assert.Equal("Qwen/Qwen2.5-7B", preset.GetProperty("config").GetProperty("model").GetProperty("name").GetString());
        var defaultQueue = await (await client.PostJsonAsync("/api/v1/runs", new { kind = "eval", preset = "qwen2.5-7b" })).ReadJsonAsync();
        Assert.Equal("gpu", defaultQueue.GetProperty("queue").GetString());
    }

    [Fact]
    public async Task Metrics_come_back_as_series_in_step_order()
    {
        using var client = platform.Client(platform.Researcher);
        var id = await RunPolling.CreateAsync(client, RunPolling.Parked("metrics"));
        Assert.Empty((await (await client.GetAsync($"/api/v1/runs/{id}/metrics")).ReadJsonAsync()).GetProperty("series").EnumerateArray());

        await using (var scope = platform.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AzrDbContext>();
            var now = DateTimeOffset.UtcNow;
            foreach (var step in new[] { 3, 1, 2 })
            {
                db.Metrics.Add(new MetricPoint { RunId = id, Name = "loss", Step = step, Value = 1.0 / step, WallTime = now });
                db.Metrics.Add(new MetricPoint { RunId = id, Name = "reward", Step = step, Value = step, WallTime = now });
            }

            await db.SaveChangesAsync();
        }

        var all = await (await client.GetAsync($"/api/v1/runs/{id}/metrics")).ReadJsonAsync();
        Assert.Equal(id, all.GetProperty("run_id").GetInt64());
        var series = all.GetProperty("series").EnumerateArray().ToDictionary(s => s.GetProperty("name").GetString()!);
        Assert.Equal(["loss", "reward"], series.Keys.Order());
        Assert.Equal([1, 2, 3], series["loss"].GetProperty("points").EnumerateArray().Select(p => p.GetProperty("step").GetInt32()));
        Assert.Equal(0.5, series["loss"].GetProperty("points")[1].GetProperty("value").GetDouble());

        var filtered = await (await client.GetAsync($"/api/v1/runs/{id}/metrics?name=reward&after_step=1")).ReadJsonAsync();
        var only = Assert.Single(filtered.GetProperty("series").EnumerateArray());
        Assert.Equal([2, 3], only.GetProperty("points").EnumerateArray().Select(p => p.GetProperty("step").GetInt32()));
    }

    [Fact]
    public async Task Tasks_are_empty_until_training_writes_them_then_paged_and_filtered()
    {
        using var client = platform.Client(platform.Researcher);
        var id = await RunPolling.CreateAsync(client, RunPolling.Parked("tasks"));
        var empty = await (await client.GetAsync($"/api/v1/runs/{id}/tasks")).ReadJsonAsync();
        Assert.Equal(0, empty.GetProperty("total").GetInt32());
        Assert.Empty(empty.GetProperty("items").EnumerateArray());

        await using (var scope = platform.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AzrDbContext>();
            db.Tasks.Add(new ProposedTask { RunId = id, Step = 0, TaskType = TaskType.Deduction, Origin = "seed", Program = "def f(x):\n    return x", Input = "1", Output = "1", Valid = true, CreatedAt = DateTimeOffset.UtcNow });
            db.Tasks.Add(new ProposedTask
            {
                RunId = id, Step = 2, TaskType = TaskType.Induction, Origin = "proposed", Program = "def f(a):\n    return a * 2",
                Inputs = """["1", "2"]""", Outputs = """["2", "4"]""", Message = "doubles", Valid = false, FailureReason = "nondeterministic",
                CreatedAt = DateTimeOffset.UtcNow,
            });
            await db.SaveChangesAsync();
        }

        var all = await (await client.GetAsync($"/api/v1/runs/{id}/tasks")).ReadJsonAsync();
        Assert.Equal(2, all.GetProperty("total").GetInt32());
        var induction = all.GetProperty("items")[1];
        Assert.Equal("induction", induction.GetProperty("task_type").GetString());
        Assert.Equal(["1", "2"], induction.GetProperty("inputs").EnumerateArray().Select(i => i.GetString()));

        var atStep1 = await (await client.GetAsync($"/api/v1/runs/{id}/tasks?at_step=1")).ReadJsonAsync();
        Assert.Equal("deduction", Assert.Single(atStep1.GetProperty("items").EnumerateArray()).GetProperty("task_type").GetString());
        var invalid = await (await client.GetAsync($"/api/v1/runs/{id}/tasks?valid=false&task_type=induction")).ReadJsonAsync();
        Assert.Equal("nondeterministic", Assert.Single(invalid.GetProperty("items").EnumerateArray()).GetProperty("failure_reason").GetString());
        var paged = await (await client.GetAsync($"/api/v1/runs/{id}/tasks?page=2&page_size=1")).ReadJsonAsync();
        Assert.Equal("induction", Assert.Single(paged.GetProperty("items").EnumerateArray()).GetProperty("task_type").GetString());
    }
}
