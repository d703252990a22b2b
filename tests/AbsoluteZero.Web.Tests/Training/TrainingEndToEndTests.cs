using System.Net;
using System.Text.Json;
using AbsoluteZero.Core.Tasks;
using AbsoluteZero.Testing;
using AbsoluteZero.Web.Training;
using Npgsql;

namespace AbsoluteZero.Web.Tests.Training;

/// <summary>
/// Real training on the platform: runs queued over REST on a real <c>azr serve</c> (or <c>azr worker</c>) process, each
/// trained by a real <c>azr train --run</c> child with the real sandbox and TorchSharp, recorded in PostgreSQL, followed
/// with the real <c>azr watch</c>. Runs are tiny (1–2 steps of a smaller batch) to keep CI time modest.
/// </summary>
[Collection(ServeProcessCollection.Name)]
public sealed class TrainingEndToEndTests(ServeProcessFixture platform)
{
    private static readonly TimeSpan Training = TimeSpan.FromMinutes(8);

    /// <summary>The tiny preset with two sequences per batch and short responses.</summary>
    private static object Tiny(int steps, string? queue = null) => new
    {
        kind = "train",
        preset = "tiny",
        steps,
        queue,
        config = new { self_play = new { batch_size = 2 }, generation = new { max_response_tokens = 16 } },
    };

    [Fact]
    public async Task A_tiny_run_trains_two_steps_records_everything_and_azr_watch_prints_each_step_once()
    {
        using var client = platform.Client(platform.ResearcherToken);
        var id = await RunPolling.CreateAsync(client, Tiny(steps: 2));
        var watched = await WatchAsync(id);
        Assert.True(watched.ExitCode == 0, $"azr watch exited {watched.ExitCode}: {watched.Stderr}\nserve:\n{platform.Serve.Output}");
        var lines = StepLines(watched.Stdout);
        Assert.Equal([1, 2], lines.Select(l => l.GetProperty("step").GetInt32()));
        Assert.All(lines, l =>
        {
            Assert.Equal(id, l.GetProperty("run_id").GetInt64());
            Assert.Equal(JsonValueKind.String, l.GetProperty("wall_time").ValueKind);
            foreach (var name in new[] { "reward/mean", "timing/step", "actor/entropy", "propose/deduction/valid_rate", "buffer/induction/size" })
                Assert.True(l.GetProperty("metrics").TryGetProperty(name, out _), $"no {name} in {l}");
        });
        Assert.Contains("succeeded", watched.Stderr);

        var run = await (await client.GetAsync($"/api/v1/runs/{id}")).ReadJsonAsync();
        Assert.Equal(("succeeded", "completed", 2), (run.GetProperty("status").GetString(), run.GetProperty("stop_reason").GetString(), run.GetProperty("current_step").GetInt32()));
        Assert.Equal(System.Environment.MachineName, run.GetProperty("worker_host").GetString());
        Assert.Equal(JsonValueKind.String, run.GetProperty("finished_at").ValueKind);

        // The watch lines are the recorded metrics.
        var metrics = await (await client.GetAsync($"/api/v1/runs/{id}/metrics?name=reward/mean&name=timing/step")).ReadJsonAsync();
        var reward = metrics.GetProperty("series").EnumerateArray().Single(s => s.GetProperty("name").GetString() == "reward/mean");
        Assert.Equal([1, 2], reward.GetProperty("points").EnumerateArray().Select(p => p.GetProperty("step").GetInt32()));
        Assert.Equal(lines[1].GetProperty("metrics").GetProperty("reward/mean").GetDouble(), reward.GetProperty("points")[1].GetProperty("value").GetDouble());

        // Seeds at step 0 (the zero seed fills both triplet buffers), and every proposal of each step, valid or not.
        var seeds = await (await client.GetAsync($"/api/v1/runs/{id}/tasks?origin=seed")).ReadJsonAsync();
        Assert.Equal(["abduction", "deduction", "induction"], seeds.GetProperty("items").EnumerateArray().Select(t => t.GetProperty("task_type").GetString()).Order());
        var step1 = await (await client.GetAsync($"/api/v1/runs/{id}/tasks?step=1&page_size=100")).ReadJsonAsync();
        Assert.Equal(3 * 2, step1.GetProperty("total").GetInt32());
        Assert.All(step1.GetProperty("items").EnumerateArray(), t =>
        {
            Assert.Equal("proposed", t.GetProperty("origin").GetString());
            Assert.True(t.GetProperty("valid").GetBoolean() || t.GetProperty("failure_reason").GetString() is { Length: > 0 }, $"an invalid task without a reason: {t}");
            Assert.Equal(JsonValueKind.Object, t.GetProperty("proposer_detail").ValueKind);
        });

        var checkpoint = Assert.Single((await (await client.GetAsync($"/api/v1/runs/{id}/checkpoints")).ReadJsonAsync()).GetProperty("checkpoints").EnumerateArray());
        Assert.Equal(2, checkpoint.GetProperty("step").GetInt32());
        Assert.True(checkpoint.GetProperty("bytes").GetInt64() > 0);
        var folder = checkpoint.GetProperty("path").GetString()!;
        Assert.StartsWith(platform.RunsDirectory, folder);
        Assert.True(File.Exists(Path.Combine(folder, "model.safetensors")) && File.Exists(Path.Combine(folder, "config.json")), folder);
        Assert.Equal(folder, await ScalarAsync<string>($"SELECT path FROM models WHERE name = 'run-{id}-step-2' AND kind = 'checkpoint' AND run_id = {id}"));

        // Watching a run that has already finished prints what it recorded and exits the same way.
        var again = await WatchAsync(id);
        Assert.Equal(0, again.ExitCode);
        Assert.Equal(lines.Select(l => l.ToString()), StepLines(again.Stdout).Select(l => l.ToString()));
        await AssertNothingLeftRunningAsync(id);
    }

    [Fact]
    public async Task Cancelled_queued_and_running_runs_end_cancelled_with_nothing_left_running_and_the_running_one_resumes_and_forks()
    {
        using var client = platform.Client(platform.ResearcherToken);
        var queued = await RunPolling.CreateAsync(client, Tiny(steps: 2, queue: "parked"));
        Assert.Equal("cancelled", (await (await client.PostAsync($"/api/v1/runs/{queued}/cancel", null)).ReadJsonAsync()).GetProperty("status").GetString());

        var id = await RunPolling.CreateAsync(client, Tiny(steps: 2));
        await RunPolling.WaitForAsync(client, id, r => r.GetProperty("current_step").GetInt32() >= 1 || r.GetProperty("status").GetString() != "running" && r.GetProperty("status").GetString() != "queued", Training);
        Assert.NotEmpty(ProcessTable.TrainersOf(id));
        Assert.Equal(HttpStatusCode.OK, (await client.PostAsync($"/api/v1/runs/{id}/cancel", null)).StatusCode);
        var cancelled = await RunPolling.WaitForAsync(client, id, r => r.GetProperty("status").GetString() != "running", TimeSpan.FromMinutes(2));
        Assert.Equal(("cancelled", "cancelled"), (cancelled.GetProperty("status").GetString(), cancelled.GetProperty("stop_reason").GetString()));
        await AssertNothingLeftRunningAsync(id);
        // The trainer checkpointed its last finished step on SIGTERM.
        var stopCheckpoint = Assert.Single((await (await client.GetAsync($"/api/v1/runs/{id}/checkpoints")).ReadJsonAsync()).GetProperty("checkpoints").EnumerateArray());
        Assert.Equal(1, stopCheckpoint.GetProperty("step").GetInt32());
        Assert.Equal(3, (await WatchAsync(id)).ExitCode);

        // Resume: the same run continues from that checkpoint and trains step 2 only; no metric point is written twice.
        Assert.Equal("queued", (await (await client.PostAsync($"/api/v1/runs/{id}/resume", null)).ReadJsonAsync()).GetProperty("status").GetString());
        var resumed = await RunPolling.WaitForAsync(client, id, r => r.GetProperty("status").GetString() is "succeeded" or "failed", Training);
        Assert.True(resumed.GetProperty("status").GetString() == "succeeded", $"{resumed}\nserve:\n{platform.Serve.Output}");
        var all = await (await client.GetAsync($"/api/v1/runs/{id}/metrics")).ReadJsonAsync();
        foreach (var series in all.GetProperty("series").EnumerateArray())
        {
            var steps = series.GetProperty("points").EnumerateArray().Select(p => p.GetProperty("step").GetInt32()).ToList();
            Assert.Equal(steps.Distinct().Order(), steps);
        }

        Assert.Equal(2, await ScalarAsync<long>($"SELECT count(*) FROM metrics WHERE run_id = {id} AND name = 'reward/mean'"));
        var log = (await (await client.GetAsync($"/api/v1/runs/{id}/logs")).ReadJsonAsync()).GetProperty("lines").EnumerateArray().Select(l => l.GetProperty("message").GetString()).ToList();
        Assert.Contains(log, l => l!.StartsWith("resuming from the checkpoint of step 1", StringComparison.Ordinal));
        Assert.Equal(1, (await (await client.GetAsync($"/api/v1/runs/{id}/tasks?origin=seed&type=deduction")).ReadJsonAsync()).GetProperty("total").GetInt32());

        // Fork from the final checkpoint, seeded with the buffers after step 2, to which a valid task is added here
        // (the tiny model proposes none): it must reach the fork's seeds.
        const string program = "def f(a):\n    return a * 7";
        await TrainingRows.RecordAsync(platform.Database.ConnectionString, id,
            TrainingRows.Triplet(TaskType.Deduction, 2, program, "3", "21"));
        var fork = await client.PostJsonAsync($"/api/v1/runs/{id}/fork", new { checkpoint_step = 2, buffers_step = 2, steps = 1 });
        Assert.Equal(HttpStatusCode.Created, fork.StatusCode);
        var forkId = (await fork.ReadJsonAsync()).GetProperty("id").GetInt64();
        var forked = await RunPolling.WaitForAsync(client, forkId, r => r.GetProperty("status").GetString() is "succeeded" or "failed", Training);
        Assert.True(forked.GetProperty("status").GetString() == "succeeded", $"{forked}\nserve:\n{platform.Serve.Output}");
        Assert.Equal(id, forked.GetProperty("parent_run_id").GetInt64());
        var forkSeeds = (await (await client.GetAsync($"/api/v1/runs/{forkId}/tasks?origin=seed&search={Uri.EscapeDataString("a * 7")}")).ReadJsonAsync()).GetProperty("items").EnumerateArray();
        Assert.Equal(["abduction", "deduction"], forkSeeds.Select(t => t.GetProperty("task_type").GetString()).Order());
        await AssertNothingLeftRunningAsync(forkId);
    }

    [Fact]
    public async Task A_trainer_killed_outright_fails_its_run_with_the_reason_and_the_server_goes_on()
    {
        using var client = platform.Client(platform.ResearcherToken);
        var id = await RunPolling.CreateAsync(client, Tiny(steps: 20));
        // Killed once its sandbox workers are up, so their cleanup is part of what is checked.
        var deadline = DateTime.UtcNow + Training;
        while (!ProcessTree.DescendantsOf(platform.Serve.Pid).Any(p => p.Arguments.FirstOrDefault()?.EndsWith("bwrap", StringComparison.Ordinal) == true))
        {
            Assert.True(DateTime.UtcNow < deadline, $"the run's sandbox never started:\n{platform.Serve.Output}");
            await Task.Delay(200);
        }

        var trainer = Assert.Single(ProcessTable.TrainersOf(id));
        System.Diagnostics.Process.GetProcessById(trainer.Pid).Kill();
        var failed = await RunPolling.WaitForAsync(client, id, r => r.GetProperty("status").GetString() != "running", TimeSpan.FromMinutes(1));
        Assert.Equal(("failed", "error"), (failed.GetProperty("status").GetString(), failed.GetProperty("stop_reason").GetString()));
        Assert.Contains("killed by signal 9", failed.GetProperty("error").GetString());
        await AssertNothingLeftRunningAsync(id);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health")).StatusCode);
    }

    [Fact]
    public async Task Azr_watch_prints_every_step_once_across_a_restart_of_the_server()
    {
        await using var worker = platform.StartWorker("e2e-worker");
        using var client = platform.Client(platform.ResearcherToken);
        var id = await RunPolling.CreateAsync(client, Tiny(steps: 2, queue: "e2e-worker"));
        var watching = WatchAsync(id);
        await RunPolling.WaitForAsync(client, id, r => r.GetProperty("current_step").GetInt32() >= 1 || r.GetProperty("status").GetString() is "failed", Training);
        // The worker trains on while serve, and with it the hub and the database listener, is away.
        await platform.RestartServeAsync();

        var watched = await watching;
        Assert.True(watched.ExitCode == 0, $"azr watch exited {watched.ExitCode}: {watched.Stderr}\nworker:\n{worker.Output}");
        Assert.Equal([1, 2], StepLines(watched.Stdout).Select(l => l.GetProperty("step").GetInt32()));
        Assert.Contains("reconnecting", watched.Stderr);
    }

    [Fact]
    public async Task A_worker_with_two_gpus_runs_two_runs_at_once_each_seeing_only_its_own_card()
    {
        await using var worker = platform.StartWorker("e2e-gpus", "--gpus", "3,5");
        using var client = platform.Client(platform.ResearcherToken);
        long[] ids = [await RunPolling.CreateAsync(client, Tiny(steps: 20, queue: "e2e-gpus")), await RunPolling.CreateAsync(client, Tiny(steps: 20, queue: "e2e-gpus"))];
        var deadline = DateTime.UtcNow + Training;
        while (ids.Any(id => ProcessTable.TrainersOf(id).Count == 0))
        {
            Assert.True(DateTime.UtcNow < deadline, $"both runs never trained at once:\n{worker.Output}");
            await Task.Delay(200);
        }

        Assert.Equal(["3", "5"], ids.Select(id => CudaVisibleDevices(Assert.Single(ProcessTable.TrainersOf(id)).Pid)).Order());
        foreach (var id in ids)
            Assert.Equal(HttpStatusCode.OK, (await client.PostAsync($"/api/v1/runs/{id}/cancel", null)).StatusCode);
        foreach (var id in ids)
            Assert.Equal("cancelled", (await RunPolling.WaitForAsync(client, id, r => r.GetProperty("status").GetString() != "running", TimeSpan.FromMinutes(2))).GetProperty("status").GetString());
    }

    private static string? CudaVisibleDevices(int pid) =>
        File.ReadAllText($"/proc/{pid}/environ").Split('\0').Where(e => e.StartsWith("CUDA_VISIBLE_DEVICES=", StringComparison.Ordinal)).Select(e => e["CUDA_VISIBLE_DEVICES=".Length..]).SingleOrDefault();

    private Task<AzrBinary.Result> WatchAsync(long id) =>
        AzrBinary.RunAsync(["watch", id.ToString(System.Globalization.CultureInfo.InvariantCulture), "--server", platform.BaseAddress.ToString(), "--token", platform.ViewerToken],
            timeout: Training);

    private static List<JsonElement> StepLines(string stdout) =>
        stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement.Clone()).ToList();

    /// <summary>No training child of the run anywhere, and nothing at all below the serve process (sandbox workers included).</summary>
    private async Task AssertNothingLeftRunningAsync(long runId)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(15);
        while (true)
        {
            var left = ProcessTable.TrainersOf(runId).Concat(ProcessTree.DescendantsOf(platform.Serve.Pid)).ToList();
            if (left.Count == 0)
                return;
            Assert.True(DateTime.UtcNow < deadline, "still running: " + string.Join("; ", left));
            await Task.Delay(200);
        }
    }

    private async Task<T> ScalarAsync<T>(string sql)
    {
        await using var connection = await platform.Database.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return (T)(await command.ExecuteScalarAsync())!;
    }
}
