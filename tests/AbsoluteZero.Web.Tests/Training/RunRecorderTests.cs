using AbsoluteZero.Core.Tasks;
using AbsoluteZero.Data;
using AbsoluteZero.Data.Runs;
using AbsoluteZero.Web.Live;
using AbsoluteZero.Web.Training;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace AbsoluteZero.Web.Tests.Training;

/// <summary>The training child's database writer against a real PostgreSQL: batches, keys, NOTIFY, live relay.</summary>
[Collection(PlatformCollection.Name)]
public sealed class RunRecorderTests(PlatformFixture platform)
{
    [Fact]
    public async Task Records_steps_tasks_checkpoints_logs_and_the_current_step_in_batches()
    {
        using var client = platform.Client(platform.Researcher);
        var id = await RunPolling.CreateAsync(client, RunPolling.Parked("recorder"));
        await TrainingRows.RecordAsync(platform, id,
            TrainingRows.Triplet(TaskType.Deduction, 0, "def f(a):\n    return a", "1", "1", origin: "seed"),
            TrainingRows.Triplet(TaskType.Abduction, 1, "def f(a):\n    return a + 1", "2", "3"),
            TrainingRows.Triplet(TaskType.Abduction, 1, "def f(a) return", "x", "", valid: false, added: false, reason: "syntax error"),
            TrainingRows.Step(1, ("reward/mean", -0.5), ("actor/lr", 1e-4)),
            new CheckpointRecord(1, "/runs/x/checkpoints/step-000001", 1234, """{"reward/mean": -0.5}""", DateTimeOffset.UtcNow),
            new LogRecord(DateTimeOffset.UtcNow, RunLogLevels.Info, "seeding: 1 of 16"),
            new LogRecord(DateTimeOffset.UtcNow, RunLogLevels.Warning, "step 1: no valid induction proposal"),
            TrainingRows.Step(2, ("reward/mean", -0.25), ("actor/lr", 1e-4)));

        await using var db = await platform.Services.GetRequiredService<IDbContextFactory<AzrDbContext>>().CreateDbContextAsync();
        var metrics = await db.Metrics.Where(m => m.RunId == id).OrderBy(m => m.Name).ThenBy(m => m.Step).ToListAsync();
        Assert.Equal([("actor/lr", 1), ("actor/lr", 2), ("reward/mean", 1), ("reward/mean", 2)], metrics.Select(m => (m.Name, m.Step)));
        Assert.Equal(-0.25, metrics[3].Value);
        var tasks = await db.Tasks.Where(t => t.RunId == id).OrderBy(t => t.Id).ToListAsync();
        Assert.Equal(["seed", "proposed", "proposed"], tasks.Select(t => t.Origin));
        Assert.Equal("syntax error", tasks[2].FailureReason);
        Assert.False(tasks[2].AddedToBuffer);
        Assert.Null(tasks[2].SolveRate);
        Assert.Equal(0.5, tasks[1].SolveRate);
        var checkpoint = await db.Checkpoints.SingleAsync(c => c.RunId == id);
        Assert.Equal((1, 1234L), (checkpoint.Step, checkpoint.Bytes));
        Assert.Contains("reward/mean", checkpoint.Metrics);
        var log = await db.RunLogs.Where(l => l.RunId == id).OrderBy(l => l.Id).Select(l => l.Level + ": " + l.Message).ToListAsync();
        Assert.Equal(["info: seeding: 1 of 16", "warning: step 1: no valid induction proposal"], log);
        Assert.Equal(2, (await db.Runs.SingleAsync(r => r.Id == id)).CurrentStep);
    }

    [Fact]
    public async Task A_step_recorded_again_overwrites_its_points_instead_of_adding_a_second()
    {
        using var client = platform.Client(platform.Researcher);
        var id = await RunPolling.CreateAsync(client, RunPolling.Parked("recorder-again"));
        await TrainingRows.RecordAsync(platform, id, TrainingRows.Step(1, ("loss", 1.0)), TrainingRows.Step(2, ("loss", 2.0)));
        await TrainingRows.RecordAsync(platform, id, TrainingRows.Step(2, ("loss", 2.5)), TrainingRows.Step(3, ("loss", 3.0)));

        await using var db = await platform.Services.GetRequiredService<IDbContextFactory<AzrDbContext>>().CreateDbContextAsync();
        var points = await db.Metrics.Where(m => m.RunId == id).OrderBy(m => m.Step).Select(m => new { m.Step, m.Value }).ToListAsync();
        Assert.Equal([(1, 1.0), (2, 2.5), (3, 3.0)], points.Select(p => (p.Step, p.Value)));
    }

    [Fact]
    public async Task Each_step_is_announced_by_notify_after_its_metrics_are_committed()
    {
        using var client = platform.Client(platform.Researcher);
        var id = await RunPolling.CreateAsync(client, RunPolling.Parked("recorder-notify"));
        await using var listener = await platform.Database.OpenAsync();
        var notices = new List<string>();
        listener.Notification += (_, e) => notices.Add(e.Payload);
        await using (var listen = new NpgsqlCommand($"LISTEN {StepNotice.Channel}", listener))
            await listen.ExecuteNonQueryAsync();

        // 300 metrics with long names do not fit a NOTIFY: that step is announced without them.
        var big = Enumerable.Range(0, 300).Select(i => ($"a/rather/long/metric/name/number/{i:D4}", (double)i)).ToArray();
        await TrainingRows.RecordAsync(platform, id, TrainingRows.Step(1, ("reward/mean", 0.75)), TrainingRows.Step(2, big));
        using var wait = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        while (notices.Count < 2)
            await listener.WaitAsync(wait.Token);

        var first = System.Text.Json.JsonSerializer.Deserialize<StepNotice>(notices[0], Core.Json.AzrJson.Options)!;
        Assert.Equal((id, 1, 0.75), (first.RunId, first.Step, first.Metrics!["reward/mean"]));
        var second = System.Text.Json.JsonSerializer.Deserialize<StepNotice>(notices[1], Core.Json.AzrJson.Options)!;
        Assert.Equal((id, 2), (second.RunId, second.Step));
        Assert.Null(second.Metrics);
    }

    [Fact]
    public async Task Hub_subscribers_receive_recorded_steps_with_their_metrics_even_when_too_large_for_a_notice()
    {
        using var client = platform.Client(platform.Researcher);
        var id = await RunPolling.CreateAsync(client, RunPolling.Parked("recorder-live"));
        await using var hub = platform.Hub(platform.Viewer);
        var steps = await HubEvents.SubscribeAsync<StepEvent>(hub, RunsHub.StepMessage, id);

        var big = Enumerable.Range(0, 300).Select(i => ($"a/rather/long/metric/name/number/{i:D4}", (double)i)).ToArray();
        await TrainingRows.RecordAsync(platform, id, TrainingRows.Step(1, ("reward/mean", 0.75), ("actor/entropy", 2.0)), TrainingRows.Step(2, big));

        var first = await HubEvents.NextAsync(steps);
        Assert.Equal((id, 1), (first.RunId, first.Step));
        Assert.Equal(new Dictionary<string, double> { ["reward/mean"] = 0.75, ["actor/entropy"] = 2.0 }, first.Metrics);
        var second = await HubEvents.NextAsync(steps);
        Assert.Equal(2, second.Step);
        Assert.Equal(300, second.Metrics.Count);
        Assert.Equal(299, second.Metrics["a/rather/long/metric/name/number/0299"]);
    }

    [Fact]
    public async Task A_batch_the_database_refuses_fails_the_recorder_loudly_instead_of_dropping_it()
    {
        using var client = platform.Client(platform.Researcher);
        var id = await RunPolling.CreateAsync(client, RunPolling.Parked("recorder-refused"));
        await using (var db = await platform.Services.GetRequiredService<IDbContextFactory<AzrDbContext>>().CreateDbContextAsync())
            await db.Runs.Where(r => r.Id == id).ExecuteDeleteAsync();

        await using var database = NpgsqlDataSource.Create(platform.ConnectionString);
        await using var recorder = new RunRecorder(database, id, NullLogger.Instance);
        recorder.Add(TrainingRows.Step(1, ("loss", 1.0)));
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => recorder.CompleteAsync(TimeSpan.FromSeconds(30)));
        Assert.Contains($"run {id}", error.Message);
        Assert.Throws<InvalidOperationException>(() => recorder.Add(TrainingRows.Step(2, ("loss", 1.0))));
    }
}
