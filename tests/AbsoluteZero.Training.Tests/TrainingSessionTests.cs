using System.Text.Json;
using AbsoluteZero.Core.Buffers;
using AbsoluteZero.Core.Configuration;
using AbsoluteZero.Core.Json;
using AbsoluteZero.Core.SelfPlay;
using AbsoluteZero.Core.Tasks;
using AbsoluteZero.Training.Checkpoints;
using AbsoluteZero.Training.Events;

namespace AbsoluteZero.Training.Tests;

/// <summary>
/// Sessions with a <see cref="ScriptedPolicy"/> (responses a function of the prompt) and the real sandbox: seeding,
/// checkpoints and retention, resume after a finished run and after a stop, and the events a session reports.
/// </summary>
[Collection(SandboxCollection.Name)]
public sealed class TrainingSessionTests(SandboxFixture sandbox) : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("azr-session-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    private static RunConfig Config(int steps) => StepHarness.Config() with { Schedule = StepHarness.Config().Schedule with { Steps = steps, SaveEvery = 2, KeepCheckpoints = 3 } };

    private async Task<(TrainingFinished Finished, RecordingObserver Events, ScriptedPolicyProvider Policies)> RunAsync(
        string folder, RunConfig config, bool resume, Action<TrainingEvent>? react = null, Action<IReadOnlyList<PromptKind>>? beforeGenerate = null, CancellationToken cancellationToken = default)
    {
        var events = new RecordingObserver(react);
        var policies = new ScriptedPolicyProvider(ScriptedRuns.Respond) { BeforeGenerate = beforeGenerate };
        var finished = await new TrainingSession(policies, sandbox.Pool, events).RunAsync(new TrainingRequest(config, Path.Combine(_root, folder), resume, "tiny"), cancellationToken);
        return (finished, events, policies);
    }

    [Fact]
    public async Task Three_steps_straight_equal_one_step_then_a_resume_for_two_more()
    {
        var straight = await RunAsync("straight", Config(3), resume: false);
        var first = await RunAsync("split", Config(1), resume: false);
        var rest = await RunAsync("split", Config(3), resume: true);

        Assert.Equal(TrainingStatus.Completed, straight.Finished.Status);
        Assert.Equal((TrainingStatus.Completed, 1), (first.Finished.Status, first.Finished.LastStep));
        Assert.Equal((TrainingStatus.Completed, 3), (rest.Finished.Status, rest.Finished.LastStep));
        Assert.Equal(2, rest.Events.Of<TrainingStarted>().Single().FirstStep);
        Assert.Empty(rest.Events.Of<SeedingCompleted>());

        var steps = first.Events.Of<StepCompleted>().Concat(rest.Events.Of<StepCompleted>()).ToList();
        Assert.Equal([1, 2, 3], steps.Select(s => s.Step));
        Assert.Equal(straight.Events.Of<StepCompleted>().Select(s => StepHarness.Deterministic(s.Metrics)), steps.Select(s => StepHarness.Deterministic(s.Metrics)));
        Assert.Equal(Tasks(straight.Events), Tasks(first.Events).Concat(Tasks(rest.Events)));
        Assert.Equal(straight.Policies.Created[0].Calls, first.Policies.Created[0].Calls.Concat(rest.Policies.Created[0].Calls));
        AssertSameCheckpoint(straight.Finished.LastCheckpoint!, rest.Finished.LastCheckpoint!);

        // The runs did something worth comparing: tasks were added after seeding, and at more than one step.
        var added = straight.Events.Of<StepTasks>().Where(t => t.Step > 0).SelectMany(t => t.Proposals).Count(p => p.AddedToBuffer);
        Assert.True(added > 6, $"only {added} tasks were added");
        var buffers = BufferFile.Read(straight.Finished.LastCheckpoint!, Config(3).SelfPlay);
        Assert.True(buffers.Deduction.Entries.Select(e => e.Step).Distinct().Count() >= 3);
    }

    [Fact]
    public async Task A_stop_during_a_step_checkpoints_the_step_before_and_the_resumed_run_trains_what_the_straight_run_did()
    {
        var straight = await RunAsync("straight", Config(3), resume: false);

        using var stop = new CancellationTokenSource();
        var armed = false;
        var stopped = await RunAsync("stopped", Config(3), resume: false,
            react: e => armed |= e is StepCompleted { Step: 1 },
            beforeGenerate: kinds =>
            {
                if (armed && kinds.Contains(PromptKind.SolveAbduction))
                    stop.Cancel();
            },
            cancellationToken: stop.Token);

        Assert.Equal((TrainingStatus.Stopped, 1), (stopped.Finished.Status, stopped.Finished.LastStep));
        var saved = Assert.Single(stopped.Events.Of<CheckpointSaved>());
        Assert.Equal((1, CheckpointReason.Stop), (saved.Step, saved.Reason));
        Assert.Contains(stopped.Events.Of<TrainingLog>(), l => l.Message.Contains("step 2 was abandoned"));
        Assert.Single(stopped.Events.Of<StepCompleted>());

        var resumed = await RunAsync("stopped", Config(3), resume: true);
        var steps = stopped.Events.Of<StepCompleted>().Concat(resumed.Events.Of<StepCompleted>()).ToList();
        Assert.Equal(straight.Events.Of<StepCompleted>().Select(s => StepHarness.Deterministic(s.Metrics)), steps.Select(s => StepHarness.Deterministic(s.Metrics)));
        AssertSameCheckpoint(straight.Finished.LastCheckpoint!, resumed.Finished.LastCheckpoint!);
    }

    [Fact]
    public async Task Checkpoints_are_kept_as_configured_and_latest_links_the_newest()
    {
        var config = Config(3) with { Schedule = Config(3).Schedule with { SaveEvery = 1, KeepCheckpoints = 2 } };
        var run = await RunAsync("kept", config, resume: false);

        var store = new CheckpointStore(Path.Combine(_root, "kept"));
        Assert.Equal([2, 3], store.List().Select(c => c.Step));
        Assert.Equal(
            [(1, CheckpointReason.Scheduled), (2, CheckpointReason.Scheduled), (3, CheckpointReason.Final)],
            run.Events.Of<CheckpointSaved>().Select(c => (c.Step, c.Reason)));
        Assert.Equal(1, Assert.Single(run.Events.Of<CheckpointDeleted>()).Step);
        var latest = new DirectoryInfo(Path.Combine(store.Root, CheckpointStore.LatestLinkName));
        Assert.Equal(Path.Combine("checkpoints", "step-000003"), latest.LinkTarget);
        Assert.True(File.Exists(Path.Combine(latest.FullName, TrainerState.FileName)));
        Assert.Equal(run.Finished.LastCheckpoint, store.Latest()!.Path);
        var state = TrainerState.Read(store.Latest()!.Path);
        Assert.Equal((3, "tiny"), (state.Step, state.Preset));
        Assert.Equal(JsonSerializer.Serialize(config, AzrJson.Options), JsonSerializer.Serialize(state.Config, AzrJson.Options));
        Assert.True(File.Exists(Path.Combine(store.Latest()!.Path, SamplerStateFile.FileName)));
        Assert.True(File.Exists(Path.Combine(store.Latest()!.Path, ScriptedPolicy.StateFile)));
    }

    [Fact]
    public async Task A_fresh_run_refuses_a_folder_with_checkpoints_and_a_resume_needs_one()
    {
        await RunAsync("used", Config(1), resume: false);

        var fresh = await Assert.ThrowsAsync<TrainingSetupException>(() => RunAsync("used", Config(2), resume: false));
        Assert.Contains("already holds checkpoints", fresh.Message);
        var resume = await Assert.ThrowsAsync<TrainingSetupException>(() => RunAsync("empty", Config(2), resume: true));
        Assert.Contains("no complete checkpoint", resume.Message);

        // A half-written checkpoint (a crash while saving) is not taken for one, and is cleared by the next session.
        var partial = Path.Combine(_root, "used", "checkpoints", "step-000002.partial");
        Directory.CreateDirectory(partial);
        var resumed = await RunAsync("used", Config(2), resume: true);
        Assert.Equal((TrainingStatus.Completed, 2), (resumed.Finished.Status, resumed.Finished.LastStep));
        Assert.False(Directory.Exists(partial));
    }

    [Fact]
    public async Task Seed_files_fill_the_buffers_and_a_checkpoints_buffer_files_are_seed_files()
    {
        var source = await RunAsync("source", Config(2), resume: false);
        var checkpoint = source.Finished.LastCheckpoint!;
        var config = Config(1) with
        {
            SelfPlay = Config(1).SelfPlay with
            {
                SeedFile = BufferFile.PathOf(checkpoint, TaskType.Deduction),
                InductionSeedFile = BufferFile.PathOf(checkpoint, TaskType.Induction),
                SeedRoundLimit = 0,
            },
        };

        var seeded = await RunAsync("seeded", config, resume: false);

        var fromFile = SeedFile.ReadTriplets(config.SelfPlay.SeedFile!).Take(config.SelfPlay.BatchSize * config.SelfPlay.SeedBatchFactor).ToList();
        var seeding = seeded.Events.Of<SeedingCompleted>().Single();
        Assert.Equal((fromFile.Count, 0, 0), (seeding.Triplets, seeding.TripletRounds, seeding.InductionRounds));
        var seeds = seeded.Events.Of<StepTasks>().First();
        Assert.Equal(0, seeds.Step);
        Assert.Equal(fromFile.Select(t => t.Program), seeds.Proposals.Where(p => p.TaskType == TaskType.Deduction).Select(p => p.Program));
        Assert.All(seeds.Proposals, p => Assert.Equal((TaskOrigin.Seed, true), (p.Origin, p.AddedToBuffer)));
        Assert.Equal(2 * fromFile.Count + seeding.InductionTasks, seeds.Proposals.Count);
    }

    [Fact]
    public async Task Every_event_round_trips_through_json_with_its_kind()
    {
        var run = await RunAsync("events", Config(2), resume: false);

        Assert.IsType<TrainingStarted>(run.Events.Events[0]);
        Assert.IsType<TrainingFinished>(run.Events.Events[^1]);
        var kinds = new List<string>();
        foreach (var e in run.Events.Events)
        {
            var json = JsonSerializer.Serialize<TrainingEvent>(e, AzrJson.Options);
            kinds.Add(JsonDocument.Parse(json).RootElement.GetProperty("kind").GetString()!);
            var back = JsonSerializer.Deserialize<TrainingEvent>(json, AzrJson.Options)!;
            Assert.Equal(e.GetType(), back.GetType());
            Assert.Equal(json, JsonSerializer.Serialize(back, AzrJson.Options));
        }

        Assert.Equal(["started", "seeded", "tasks", "tasks", "step", "tasks", "step", "checkpoint_saved", "finished"], kinds.Where(k => k != "log"));
    }

    private static List<string> Tasks(RecordingObserver events) =>
        events.Of<StepTasks>().Select(t => JsonSerializer.Serialize(t with { Time = default }, AzrJson.Options)).ToList();

    private static void AssertSameCheckpoint(string expected, string actual)
    {
        foreach (var type in new[] { TaskType.Abduction, TaskType.Deduction, TaskType.Induction })
            Assert.Equal(File.ReadAllText(BufferFile.PathOf(expected, type)), File.ReadAllText(BufferFile.PathOf(actual, type)));
        Assert.Equal(File.ReadAllText(Path.Combine(expected, SamplerStateFile.FileName)), File.ReadAllText(Path.Combine(actual, SamplerStateFile.FileName)));
        Assert.Equal(File.ReadAllText(Path.Combine(expected, ScriptedPolicy.StateFile)), File.ReadAllText(Path.Combine(actual, ScriptedPolicy.StateFile)));
    }
}
