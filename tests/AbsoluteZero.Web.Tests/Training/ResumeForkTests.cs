using System.Net;
using System.Text.Json;
using AbsoluteZero.Data.Runs;
using AbsoluteZero.Web.Live;
using AbsoluteZero.Web.Runs;
using AbsoluteZero.Web.Training;
using Microsoft.Extensions.DependencyInjection;

namespace AbsoluteZero.Web.Tests.Training;

/// <summary>
/// Resume and fork over REST: who may, from which states, and what the new or requeued run looks like. The runs are
/// parked (no server listens to their queue); TrainingEndToEndTests resumes and forks real training.
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class ResumeForkTests(PlatformFixture platform)
{
    [Fact]
    public async Task Resuming_a_failed_run_queues_it_again_under_the_same_id_with_how_it_ended_cleared()
    {
        using var client = platform.Client(platform.Researcher);
        var id = await RunPolling.CreateAsync(client, RunPolling.Parked("resume"));
        var firstJob = (await (await client.GetAsync($"/api/v1/runs/{id}")).ReadJsonAsync()).GetProperty("job_id").GetString();
        await Lifecycle.FinishAsync(id, RunStatus.Queued, RunStatus.Failed, StopReasons.Error, "boom", CancellationToken.None);
        await using var hub = platform.Hub(platform.Viewer);
        var events = await HubEvents.SubscribeAsync<StatusEvent>(hub, RunsHub.StatusMessage, id);

        var response = await client.PostAsync($"/api/v1/runs/{id}/resume", null);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var resumed = await response.ReadJsonAsync();
        Assert.Equal(id, resumed.GetProperty("id").GetInt64());
        Assert.Equal("queued", resumed.GetProperty("status").GetString());
        foreach (var cleared in new[] { "error", "stop_reason", "finished_at", "started_at", "worker_host" })
            Assert.Equal(JsonValueKind.Null, resumed.GetProperty(cleared).ValueKind);
        Assert.NotEqual(firstJob, resumed.GetProperty("job_id").GetString());
        Assert.Equal(RunStatus.Queued, (await HubEvents.NextAsync(events)).Status);

        // Cancelled runs resume too.
        await client.PostAsync($"/api/v1/runs/{id}/cancel", null);
        Assert.Equal(HttpStatusCode.OK, (await client.PostAsync($"/api/v1/runs/{id}/resume", null)).StatusCode);
        await client.PostAsync($"/api/v1/runs/{id}/cancel", null);
    }

    [Fact]
    public async Task Only_failed_or_cancelled_training_runs_of_ones_own_resume()
    {
        using var owner = platform.Client(platform.Researcher);
        var queued = await RunPolling.CreateAsync(owner, RunPolling.Parked("resume-refused"));
        var detail = (await (await owner.PostAsync($"/api/v1/runs/{queued}/resume", null)).AssertProblemAsync(409)).GetProperty("detail").GetString();
        Assert.Contains("is queued", detail);

        var succeeded = await RunPolling.CreateAsync(owner, RunPolling.Parked("resume-refused"));
        await Lifecycle.FinishAsync(succeeded, RunStatus.Queued, RunStatus.Succeeded, StopReasons.Completed, null, CancellationToken.None);
        await (await owner.PostAsync($"/api/v1/runs/{succeeded}/resume", null)).AssertProblemAsync(409);

        var evaluation = await RunPolling.CreateAsync(owner, new { kind = "eval", config = new { model = new { name = "tiny" } }, queue = "parked" });
        await owner.PostAsync($"/api/v1/runs/{evaluation}/cancel", null);
        Assert.Contains("evaluation", (await (await owner.PostAsync($"/api/v1/runs/{evaluation}/resume", null)).AssertProblemAsync(409)).GetProperty("detail").GetString());

        var cancelled = await RunPolling.CreateAsync(owner, RunPolling.Parked("resume-refused"));
        await owner.PostAsync($"/api/v1/runs/{cancelled}/cancel", null);
        using var other = platform.Client(platform.OtherResearcher);
        await (await other.PostAsync($"/api/v1/runs/{cancelled}/resume", null)).AssertProblemAsync(403);
        using var viewer = platform.Client(platform.Viewer);
        await (await viewer.PostAsync($"/api/v1/runs/{cancelled}/resume", null)).AssertProblemAsync(403);
        await (await owner.PostAsync("/api/v1/runs/987654/resume", null)).AssertProblemAsync(404);
        using var admin = platform.Client(platform.Admin);
        Assert.Equal(HttpStatusCode.OK, (await admin.PostAsync($"/api/v1/runs/{cancelled}/resume", null)).StatusCode);
        await admin.PostAsync($"/api/v1/runs/{cancelled}/cancel", null);
    }

    [Fact]
    public async Task A_fork_is_a_new_run_of_the_forker_from_the_source_config_with_overrides_a_checkpoint_and_buffers()
    {
        using var owner = platform.Client(platform.Researcher);
        var source = await RunPolling.CreateAsync(owner, new
        {
            kind = "train", preset = "tiny", steps = 6, queue = "parked", tags = new[] { "fork-source" },
            config = new { self_play = new { batch_size = 8 } },
        });
        await TrainingRows.RecordAsync(platform, source,
            TrainingRows.Step(4, ("loss", 1.0)),
            new CheckpointRecord(4, "/runs/source/checkpoints/step-000004", 10, null, DateTimeOffset.UtcNow));

        using var forker = platform.Client(platform.OtherResearcher);
        var response = await forker.PostJsonAsync($"/api/v1/runs/{source}/fork", new
        {
            config = new { self_play = new { learnability_samples = 3 } },
            steps = 10,
            checkpoint_step = 4,
            buffers_step = 4,
        });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var fork = await response.ReadJsonAsync();
        var forkId = fork.GetProperty("id").GetInt64();
        Assert.Equal($"/api/v1/runs/{forkId}", response.Headers.Location!.OriginalString);
        Assert.Equal(source, fork.GetProperty("parent_run_id").GetInt64());
        Assert.Equal(4, fork.GetProperty("seed_buffers_step").GetInt32());
        Assert.Equal(platform.OtherResearcher.Name, fork.GetProperty("owner").GetString());
        Assert.Equal("queued", fork.GetProperty("status").GetString());
        Assert.Equal("parked", fork.GetProperty("queue").GetString());
        Assert.Equal(["fork-source"], fork.GetProperty("tags").EnumerateArray().Select(t => t.GetString()));
        Assert.StartsWith("fork of ", fork.GetProperty("name").GetString());
        Assert.Equal(10, fork.GetProperty("total_steps").GetInt32());
        var config = fork.GetProperty("config");
        Assert.Equal(8, config.GetProperty("self_play").GetProperty("batch_size").GetInt32());
        Assert.Equal(3, config.GetProperty("self_play").GetProperty("learnability_samples").GetInt32());
        Assert.Equal("/runs/source/checkpoints/step-000004", config.GetProperty("model").GetProperty("path").GetString());
        Assert.Equal(10, config.GetProperty("schedule").GetProperty("steps").GetInt32());

        var plain = await (await forker.PostJsonAsync($"/api/v1/runs/{source}/fork", new { })).ReadJsonAsync();
        Assert.Equal(6, plain.GetProperty("total_steps").GetInt32());
        Assert.Equal(JsonValueKind.Null, plain.GetProperty("seed_buffers_step").ValueKind);
        Assert.Equal(JsonValueKind.Null, plain.GetProperty("config").GetProperty("model").GetProperty("path").ValueKind);

        foreach (var id in new[] { source, forkId, plain.GetProperty("id").GetInt64() })
            await platform.Client(platform.Admin).PostAsync($"/api/v1/runs/{id}/cancel", null);
    }

    [Fact]
    public async Task A_fork_request_with_bad_fields_names_them_and_queues_nothing()
    {
        using var owner = platform.Client(platform.Researcher);
        var source = await RunPolling.CreateAsync(owner, RunPolling.Parked("fork-invalid"));
        await TrainingRows.RecordAsync(platform, source,
            TrainingRows.Step(2, ("loss", 1.0)),
            new CheckpointRecord(2, "/runs/fork-invalid/checkpoints/step-000002", 10, null, DateTimeOffset.UtcNow));

        var missing = await (await owner.PostJsonAsync($"/api/v1/runs/{source}/fork", new { checkpoint_step = 1 })).AssertFieldErrorAsync("checkpoint_step");
        Assert.Contains("it has steps 2", missing[0]);
        await (await owner.PostJsonAsync($"/api/v1/runs/{source}/fork", new { buffers_step = 3 })).AssertFieldErrorAsync("buffers_step");
        await (await owner.PostJsonAsync($"/api/v1/runs/{source}/fork", new { config = new { self_play = new { batch_size = 0 } } })).AssertFieldErrorAsync("config.self_play.batch_size");
        await (await owner.PostJsonAsync($"/api/v1/runs/{source}/fork", new { checkpoint_step = 2, config = new { model = new { path = "/x" } } })).AssertFieldErrorAsync("checkpoint_step");
        await (await owner.PostJsonAsync($"/api/v1/runs/{source}/fork", new { steps = 0 })).AssertFieldErrorAsync("steps");
        await (await owner.PostJsonAsync($"/api/v1/runs/{source}/fork", new { check_point = 2 })).AssertFieldErrorAsync("check_point");
        var list = await (await owner.GetAsync("/api/v1/runs?tag=fork-invalid")).ReadJsonAsync();
        Assert.Equal(1, list.GetProperty("total").GetInt32());

        using var viewer = platform.Client(platform.Viewer);
        await (await viewer.PostJsonAsync($"/api/v1/runs/{source}/fork", new { })).AssertProblemAsync(403);
        await (await owner.PostJsonAsync("/api/v1/runs/987654/fork", new { })).AssertProblemAsync(404);
        var evaluation = await RunPolling.CreateAsync(owner, new { kind = "eval", config = new { model = new { name = "tiny" } }, queue = "parked" });
        await (await owner.PostJsonAsync($"/api/v1/runs/{evaluation}/fork", new { })).AssertProblemAsync(409);
        await owner.PostAsync($"/api/v1/runs/{source}/cancel", null);
        await owner.PostAsync($"/api/v1/runs/{evaluation}/cancel", null);
    }

    private RunLifecycle Lifecycle => platform.Services.GetRequiredService<RunLifecycle>();
}
