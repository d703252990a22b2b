using AbsoluteZero.Core.Buffers;
using AbsoluteZero.Core.Configuration;
using AbsoluteZero.Core.Policy;
using AbsoluteZero.Core.Tasks;
using AbsoluteZero.Core.Validation;

namespace AbsoluteZero.Core.Tests.Buffers;

/// <summary>
/// Test double for the policy (the only component tests may replace): answers each prompt with a scripted response
/// chosen by the prompt's kind, and records the prompts it was given. Everything else (prompts, parsing, stripping,
/// validation in the sandbox, deduplication) is the real code.
/// </summary>
internal sealed class ScriptedPolicy(Func<string, string> respond) : IPolicy
{
    public List<string> Prompts { get; } = [];

    public int CountTokens(string text) => text.Length / 4;

    public IReadOnlyList<Generation> Generate(IReadOnlyList<string> prompts, SamplingOptions options, CancellationToken cancellationToken = default)
    {
        Prompts.AddRange(prompts);
        return prompts.Select(p => new Generation(respond(p), [], [], [], false)).ToList();
    }

    public IReadOnlyList<SequenceScores> Score(IReadOnlyList<PolicySample> samples, CancellationToken cancellationToken = default) => throw new NotSupportedException();

    public UpdateStats Update(IReadOnlyList<PolicySample> batch, CancellationToken cancellationToken = default) => throw new NotSupportedException();

    public void Save(string directory) => throw new NotSupportedException();

    public void Dispose()
    {
    }
}

[Collection(SandboxCollection.Name)]
public sealed class BufferSeederTests(SandboxFixture sandbox) : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("azr-seeder-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static RunConfig Config(int roundLimit = 8, string? seedFile = null) => new()
    {
        SelfPlay = new SelfPlaySettings { BatchSize = 4, SeedBatchFactor = 2, SeedRoundLimit = roundLimit, SeedFile = seedFile },
        Generation = new GenerationSettings { MaxPromptTokens = 100_000 },
    };

    private BufferSeeder Seeder(IPolicy policy, RunConfig config) =>
        new(policy, new ProposalValidator(sandbox.Pool, config.SelfPlay, SandboxFixture.TimeoutMs), config, new SamplerStreams(1));

    private static bool IsInductionPrompt(string prompt) => prompt.Contains("## Task: Output 10 Inputs", StringComparison.Ordinal);

    [Fact]
    public async Task Seeding_grows_both_sets_to_the_target_without_exact_duplicates()
    {
        var n = 0;
        var policy = new ScriptedPolicy(prompt => IsInductionPrompt(prompt)
            ? string.Concat(Enumerable.Range(0, 10).Select(i => $"```input\n{i}\n```\n")) + "```message\nadds a constant\n```"
            // Each program comes twice in a row, so half the proposals are exact duplicates.
            : $"Plan first.\n```python\nOFFSET = 3\ndef add(a):\n    # adds\n    return a + {n++ / 2}\n```\n```input\n1\n```");

        var result = await Seeder(policy, Config()).SeedAsync();

        Assert.Equal(8, result.Target);
        Assert.True(result.ReachedTarget);
        Assert.Equal(8, result.Triplets.Count);
        Assert.Same(SeedTasks.ZeroTriplet, result.Triplets[0]);
        Assert.Equal(8, result.Triplets.Select(t => t.Program).Distinct().Count());
        Assert.Equal("def f(a):\n    return a + 0", result.Triplets[1].Program);  // stripped: no global, no comment
        Assert.Equal("1", result.Triplets[1].Output);
        Assert.Equal(2, result.TripletRounds);

        // The first prompts could show only the zero seed; all seeding prompts carry the seeding-only requirement.
        var first = policy.Prompts[0];
        Assert.Contains("<snippet_0>", first);
        Assert.DoesNotContain("<snippet_1>", first);
        Assert.All(policy.Prompts.Where(p => !IsInductionPrompt(p)), p => Assert.Contains("declared outside of functions will be removed", p));

        Assert.Equal(8, result.InductionTasks.Count);
        Assert.Same(SeedTasks.ZeroInduction, result.InductionTasks[0]);
        Assert.Equal(1, result.InductionRounds);
        var task = result.InductionTasks[1];
        Assert.Equal(10, task.Inputs.Count);
        Assert.Equal(task.Inputs.Select(i => (int.Parse(i) + int.Parse(task.Program[^1..])).ToString()), task.Outputs);
        Assert.Contains("seeding: 8 of 8", result.Summary);
    }

    [Fact]
    public async Task A_model_that_never_proposes_a_valid_task_stops_at_the_round_limit_with_the_zero_seeds()
    {
        var policy = new ScriptedPolicy(_ => "I cannot do that.");
        var result = await Seeder(policy, Config(roundLimit: 2)).SeedAsync();

        Assert.False(result.ReachedTarget);
        Assert.Equal([SeedTasks.ZeroTriplet], result.Triplets);
        Assert.Equal([SeedTasks.ZeroInduction], result.InductionTasks);
        Assert.Equal((2, 2), (result.TripletRounds, result.InductionRounds));
        Assert.Equal(2 * 2 * 4 + 2 * 1, policy.Prompts.Count);
        Assert.Contains("round limit was reached, so training starts with the seeds that exist", result.Summary);
    }

    [Fact]
    public async Task A_seed_file_is_loaded_cut_to_the_target_and_not_regenerated()
    {
        var path = Path.Combine(_dir, "seed_io.jsonl");
        SeedFile.WriteTriplets(path, Enumerable.Range(0, 10).Select(i => new Triplet($"def f(a):\n    return a * {i}", "2", $"{2 * i}")));
        var policy = new ScriptedPolicy(p => IsInductionPrompt(p) ? "no inputs" : throw new InvalidOperationException("triplets were loaded"));
        var result = await Seeder(policy, Config(roundLimit: 1, seedFile: path)).SeedAsync();

        Assert.Equal(8, result.Triplets.Count);
        Assert.Equal("def f(a):\n    return a * 7", result.Triplets[^1].Program);
        Assert.Equal(0, result.TripletRounds);
    }
}
