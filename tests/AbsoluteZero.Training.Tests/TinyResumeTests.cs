using System.Text.Json.Nodes;
using AbsoluteZero.Core.Tasks;
using AbsoluteZero.Training.Checkpoints;

namespace AbsoluteZero.Training.Tests;

/// <summary>A straight two-step run of a smaller tiny configuration, the reference the resumed runs must reproduce.</summary>
public sealed class TinyStraightRunFixture : IAsyncLifetime
{
    public string Root { get; } = Directory.CreateTempSubdirectory("azr-resume-").FullName;

    /// <summary>Tiny with two tasks per batch, one learnability sample and 24 new tokens, so each run takes seconds.</summary>
    public string Config => Path.Combine(Root, "small.json");

    public List<string> Steps { get; private set; } = [];

    public string Output => Path.Combine(Root, "straight");

    public async Task InitializeAsync()
    {
        await File.WriteAllTextAsync(Config, """{"self_play": {"batch_size": 2, "learnability_samples": 1}, "generation": {"max_response_tokens": 24}, "schedule": {"save_every": 5}}""");
        var (code, stdout, stderr) = await AzrTrain.RunAsync("--preset", "tiny", "--config", Config, "--steps", "2", "--out", Output, "--json");
        Assert.True(code == 0, stderr);
        Steps = stdout;
    }

    public Task DisposeAsync()
    {
        Directory.Delete(Root, recursive: true);
        return Task.CompletedTask;
    }
}

/// <summary>
/// Resume through the real binary with the real policy: after a finished run and after SIGTERM in the middle of a
/// step, the resumed run continues with the same weights, optimizer, token sampler, buffers and sampler streams, so its
/// steps equal the straight run's (timing aside).
/// </summary>
public sealed class TinyResumeTests(TinyStraightRunFixture straight) : IClassFixture<TinyStraightRunFixture>
{
    [Fact]
    public async Task One_step_then_a_resume_gives_the_straight_runs_second_step()
    {
        var output = Path.Combine(straight.Root, "split");
        var first = await AzrTrain.RunAsync("--preset", "tiny", "--config", straight.Config, "--steps", "1", "--out", output, "--json");
        Assert.True(first.ExitCode == 0, first.Stderr);
        var rest = await AzrTrain.RunAsync("--out", output, "--resume", "--steps", "2", "--json");
        Assert.True(rest.ExitCode == 0, rest.Stderr);

        Assert.Contains("resuming from", rest.Stderr);
        AssertSameSteps(straight.Steps, [.. first.Stdout, .. rest.Stdout]);
        AssertSameCheckpoints(straight.Output, output);
    }

    [Fact]
    public async Task Sigterm_during_a_step_checkpoints_the_step_before_and_exits_143_and_the_resume_catches_up()
    {
        var output = Path.Combine(straight.Root, "terminated");
        List<string> before;
        using (var run = AzrTrain.Start("--preset", "tiny", "--config", straight.Config, "--steps", "2", "--out", output, "--json"))
        {
            before = [run.NextLine(TimeSpan.FromMinutes(5))!];
            run.Terminate();
            while (run.NextLine(TimeSpan.FromMinutes(5)) is { } line)
                before.Add(line);
            var (code, stderr) = await run.ExitAsync();
            Assert.True(code == 143, $"exit {code}: {stderr}");
            Assert.Contains("checkpoint of step 1 (stop)", stderr);
            Assert.Contains("step 2 was abandoned", stderr);
        }

        Assert.Single(before);
        Assert.Equal(1, TrainerState.Read(new CheckpointStore(output).Latest()!.Path).Step);
        var rest = await AzrTrain.RunAsync("--out", output, "--resume", "--json");
        Assert.True(rest.ExitCode == 0, rest.Stderr);
        AssertSameSteps(straight.Steps, [.. before, .. rest.Stdout]);
        AssertSameCheckpoints(straight.Output, output);
    }

    private static void AssertSameSteps(List<string> expected, List<string> actual)
    {
        Assert.Equal(expected.Count, actual.Count);
        for (var i = 0; i < expected.Count; i++)
            Assert.Equal(Deterministic(expected[i]), Deterministic(actual[i]));
    }

    /// <summary>The line without its timing and throughput metrics, which differ between any two runs.</summary>
    private static string Deterministic(string line)
    {
        var node = JsonNode.Parse(line)!.AsObject();
        var metrics = node["metrics"]!.AsObject();
        foreach (var name in metrics.Select(m => m.Key).Where(k => k.StartsWith("timing/", StringComparison.Ordinal) || k == "throughput/tokens_per_s").ToList())
            metrics.Remove(name);
        return node.ToJsonString();
    }

    private static void AssertSameCheckpoints(string expectedRun, string actualRun)
    {
        var expected = new CheckpointStore(expectedRun).Latest()!.Path;
        var actual = new CheckpointStore(actualRun).Latest()!.Path;
        foreach (var type in new[] { TaskType.Abduction, TaskType.Deduction, TaskType.Induction })
            Assert.Equal(File.ReadAllText(BufferFile.PathOf(expected, type)), File.ReadAllText(BufferFile.PathOf(actual, type)));
        Assert.Equal(File.ReadAllText(Path.Combine(expected, SamplerStateFile.FileName)), File.ReadAllText(Path.Combine(actual, SamplerStateFile.FileName)));
        Assert.Equal(File.ReadAllBytes(Path.Combine(expected, "model.safetensors")), File.ReadAllBytes(Path.Combine(actual, "model.safetensors")));
        Assert.Equal(File.ReadAllBytes(Path.Combine(expected, "optimizer.safetensors")), File.ReadAllBytes(Path.Combine(actual, "optimizer.safetensors")));
    }
}
