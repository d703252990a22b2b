using System.Net;
using System.Text.Json;
using AbsoluteZero.Data;
using AbsoluteZero.Data.Checkpoints;
using AbsoluteZero.Data.Models;
using AbsoluteZero.Data.Runs;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AbsoluteZero.Web.Tests.Evaluation;

/// <summary>
/// Queuing evaluation runs over REST: the model is resolved against the registry and a training run's checkpoints at
/// submission (and "latest" pinned), bad requests name their field and write nothing, roles are enforced; the
/// evaluations API answers only for evaluation runs.
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class EvalRunValidationTests(PlatformFixture platform)
{
    public static TheoryData<string, string> BadConfigs => new()
    {
        { """{"model":{"name":"no-such-model"}}""", "config.model.name" },
        { """{"model":{"name":"tiny","step":3}}""", "config.model.step" },
        { """{"model":{"run_id":987654321}}""", "config.model.run_id" },
        { """{"decoding":{"temperature":0,"samples":4}}""", "config.decoding.samples" },
        { """{"decoding":{"max_new_tokens":0}}""", "config.decoding.max_new_tokens" },
        { """{"limit":0}""", "config.limit" },
        { """{"prompt_style":"chatty"}""", "config.prompt_style" },
        { """{"benchmarks":[]}""", "config.benchmarks" },
    };

    [Theory]
    [MemberData(nameof(BadConfigs))]
    public async Task A_bad_evaluation_config_is_refused_naming_the_field_and_nothing_is_queued(string config, string field)
    {
        using var client = platform.Client(platform.Researcher);
        var before = await CountRunsAsync();

        var response = await client.PostAsync("/api/v1/runs", new StringContent($$"""{"kind":"eval","config":{{config}}}""", System.Text.Encoding.UTF8, "application/json"));

        await response.AssertFieldErrorAsync(field);
        Assert.Equal(before, await CountRunsAsync());
    }

    [Fact]
    public async Task A_training_runs_latest_checkpoint_is_pinned_and_evaluated_on_that_runs_queue()
    {
        var training = await TrainingRunWithCheckpointsAsync("pin", [5, 10], removed: 10);
        using var client = platform.Client(platform.Researcher);

        var latest = await (await client.PostJsonAsync("/api/v1/runs", new { kind = "eval", config = new { model = new { run_id = training } } })).ReadJsonAsync();
        Assert.Equal(5, latest.GetProperty("config").GetProperty("model").GetProperty("step").GetInt32()); // step 10's folder is gone
        Assert.Equal("parked", latest.GetProperty("queue").GetString());
        Assert.Equal($"eval pin · run {training} step 5", latest.GetProperty("name").GetString());

        var missing = await client.PostJsonAsync("/api/v1/runs", new { kind = "eval", config = new { model = new { run_id = training, step = 10 } } });
        Assert.Equal($"run {training} has no checkpoint at step 10; it has steps 5", (await missing.AssertFieldErrorAsync("config.model.step"))[0]);

        var empty = await TrainingRunWithCheckpointsAsync("empty", []);
        var none = await client.PostJsonAsync("/api/v1/runs", new { kind = "eval", config = new { model = new { run_id = empty } } });
        Assert.Equal($"run {empty} has no checkpoint yet", (await none.AssertFieldErrorAsync("config.model.run_id"))[0]);

        var evaluation = latest.GetProperty("id").GetInt64();
        var ofEval = await client.PostJsonAsync("/api/v1/runs", new { kind = "eval", config = new { model = new { run_id = evaluation } } });
        Assert.Contains("is an evaluation", (await ofEval.AssertFieldErrorAsync("config.model.run_id"))[0]);
    }

    [Fact]
    public async Task A_registered_model_is_evaluated_by_name_on_the_gpu_queue_unless_a_queue_is_given()
    {
        await using (var scope = platform.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AzrDbContext>();
            db.Models.Add(new RegisteredModel { Name = "coder-under-test", Family = "qwen2", Path = "/models/coder", Kind = ModelKind.Base, CreatedAt = DateTimeOffset.UtcNow });
            await db.SaveChangesAsync();
        }

        using var client = platform.Client(platform.Researcher);
        var byName = await (await client.PostJsonAsync("/api/v1/runs", new { kind = "eval", config = new { model = new { name = "coder-under-test" } } })).ReadJsonAsync();
        Assert.Equal(("gpu", "eval coder-under-test"), (byName.GetProperty("queue").GetString(), byName.GetProperty("name").GetString()));
        var named = await (await client.PostJsonAsync("/api/v1/runs", new { kind = "eval", name = "mine", queue = "parked", config = new { model = new { name = "coder-under-test" } } })).ReadJsonAsync();
        Assert.Equal(("parked", "mine"), (named.GetProperty("queue").GetString(), named.GetProperty("name").GetString()));
        foreach (var id in new[] { byName, named }.Select(r => r.GetProperty("id").GetInt64()))
            await client.PostAsync($"/api/v1/runs/{id}/cancel", null);
    }

    [Fact]
    public async Task Viewers_cannot_queue_evaluations_and_anonymous_callers_cannot_read_them()
    {
        using var viewer = platform.Client(platform.Viewer);
        var refused = await viewer.PostJsonAsync("/api/v1/runs", new { kind = "eval", config = new { model = new { name = "tiny" } } });
        await refused.AssertProblemAsync(403);

        using var anonymous = platform.Client();
        await (await anonymous.GetAsync("/api/v1/evaluations")).AssertProblemAsync(401);
        await (await anonymous.GetAsync("/api/v1/leaderboard")).AssertProblemAsync(401);
        Assert.Equal(HttpStatusCode.OK, (await viewer.GetAsync("/api/v1/evaluations")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await viewer.GetAsync("/api/v1/leaderboard")).StatusCode);
    }

    [Fact]
    public async Task The_evaluations_api_knows_only_evaluation_runs_and_checks_its_parameters()
    {
        using var client = platform.Client(platform.Researcher);
        var training = await RunPolling.CreateAsync(client, RunPolling.Parked("not-an-eval"));
        var evaluation = await RunPolling.CreateAsync(client, new { kind = "eval", queue = "parked", tags = new[] { "listed" }, config = new { model = new { name = "tiny" }, benchmarks = new[] { "aime2024" } } });

        await (await client.GetAsync($"/api/v1/evaluations/{training}")).AssertProblemAsync(404);
        await (await client.GetAsync($"/api/v1/evaluations/{training}/samples")).AssertProblemAsync(404);
        await (await client.GetAsync($"/api/v1/evaluations/{evaluation}/samples/123456789")).AssertProblemAsync(404);
        await (await client.GetAsync($"/api/v1/evaluations/{evaluation}/samples?page_size=201")).AssertFieldErrorAsync("page_size");
        await (await client.GetAsync($"/api/v1/evaluations/{evaluation}/samples?benchmark=chess")).AssertFieldErrorAsync("benchmark");
        await (await client.GetAsync("/api/v1/evaluations?kind=train")).AssertFieldErrorAsync("kind");

        var empty = await (await client.GetAsync($"/api/v1/evaluations/{evaluation}")).ReadJsonAsync();
        Assert.Equal(("queued", 0, 0), (empty.GetProperty("run").GetProperty("status").GetString(), empty.GetProperty("scores").GetArrayLength(), empty.GetProperty("progress").GetArrayLength()));
        var listed = await (await client.GetAsync("/api/v1/evaluations?tag=listed")).ReadJsonAsync();
        Assert.Equal(evaluation, Assert.Single(listed.GetProperty("items").EnumerateArray()).GetProperty("run").GetProperty("id").GetInt64());
        var all = await (await client.GetAsync("/api/v1/evaluations?page_size=500")).ReadJsonAsync();
        Assert.All(all.GetProperty("items").EnumerateArray(), e => Assert.Equal("eval", e.GetProperty("run").GetProperty("kind").GetString()));
        await client.PostAsync($"/api/v1/runs/{evaluation}/cancel", null);
        await client.PostAsync($"/api/v1/runs/{training}/cancel", null);
    }

    private async Task<long> TrainingRunWithCheckpointsAsync(string name, int[] steps, int? removed = null)
    {
        await using var scope = platform.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AzrDbContext>();
        var now = DateTimeOffset.UtcNow;
        var run = new Run
        {
            Name = name, Kind = RunKind.Train, Status = RunStatus.Succeeded, Preset = "tiny", Queue = "parked", Owner = platform.Researcher.Name,
            Config = JsonSerializer.Serialize(new AbsoluteZero.Core.Configuration.RunConfig(), AbsoluteZero.Core.Json.AzrJson.Options), CreatedAt = now,
        };
        db.Runs.Add(run);
        await db.SaveChangesAsync();
        db.Checkpoints.AddRange(steps.Select(s => new Checkpoint
        {
            RunId = run.Id, Step = s, Path = $"/runs/{run.Id}/step-{s}", Bytes = 1, CreatedAt = now, RemovedAt = s == removed ? now : null,
        }));
        await db.SaveChangesAsync();
        return run.Id;
    }

    private async Task<int> CountRunsAsync()
    {
        await using var scope = platform.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<AzrDbContext>().Runs.CountAsync();
    }
}
