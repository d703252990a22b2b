using AbsoluteZero.Core.Buffers;
using AbsoluteZero.Core.Configuration;
using AbsoluteZero.Core.Execution;
using AbsoluteZero.Core.Policy;
using AbsoluteZero.Core.SelfPlay;
using AbsoluteZero.Core.Validation;
using AbsoluteZero.Training.Policies;

namespace AbsoluteZero.Training.Benchmarks;

/// <summary>Mean seconds per step of one way of running, split into the step's phases.</summary>
/// <param name="Execute">Waiting for the sandbox (the part of its work not hidden behind generation).</param>
/// <param name="ExecutorBusy">The sandbox's own busy time, overlapping generation when execution overlaps.</param>
/// <param name="ExecutorWaitShare">Execute / Step: the share of a step spent waiting on the sandbox.</param>
/// <param name="ExecutorHiddenShare">1 − Execute / ExecutorBusy: the share of the sandbox's work hidden behind generation; null when it did nothing.</param>
public sealed record StepTimes(
    double Step, double Prepare, double Generate, double Execute, double Reward, double Update, double ExecutorBusy,
    double ExecutorWaitShare, double? ExecutorHiddenShare, double TokensPerS, double GeneratedTokens, double SandboxExecutions);

/// <summary>
/// What <c>azr bench train</c> prints: the overlapped step as training runs it, and the same steps with every sandbox
/// call awaited as soon as it starts, measured in alternating order in the same process from the same seed.
/// </summary>
/// <param name="OverlapSpeedup">Sequential step time / overlapped step time.</param>
/// <param name="IdenticalResults">Both ways produced the same metrics (timing aside) at every step, as they must.</param>
/// <param name="SandboxLoad">Responses were replayed text (<see cref="ReplayedTextPolicy"/>) so the sandbox had work.</param>
public sealed record TrainingBenchmarkResult(
    string? Preset, string Model, int Steps, bool SandboxLoad, StepTimes Overlapped, StepTimes Sequential, double OverlapSpeedup, bool IdenticalResults,
    IReadOnlyList<double> OverlappedStepSeconds, IReadOnlyList<double> SequentialStepSeconds);

/// <summary>
/// Two runs of the same config and seed, each with its own policy and buffers, one overlapping sandbox work with
/// generation (as training does), one not. Steps alternate between them, the order flipping each step, so that other
/// load on the machine falls on both alike. Seeding is done first and not timed.
/// </summary>
public static class TrainingBenchmark
{
    public static async Task<TrainingBenchmarkResult> RunAsync(
        RunConfig config, string? preset, IPolicyProvider policies, ICodeExecutor executor, bool sandboxLoad, Action<string> log, CancellationToken cancellationToken)
    {
        IPolicy Create() => sandboxLoad ? new ReplayedTextPolicy(policies.Create(config)) : policies.Create(config);
        using var overlappedPolicy = Create();
        using var sequentialPolicy = Create();
        var overlapped = await StartAsync(overlappedPolicy, config, executor, overlap: true, cancellationToken);
        var sequential = await StartAsync(sequentialPolicy, config, executor, overlap: false, cancellationToken);
        log(overlapped.Seeding);

        var identical = true;
        for (var step = 1; step <= config.Schedule.Steps; step++)
        {
            var order = step % 2 == 1 ? new[] { overlapped, sequential } : [sequential, overlapped];
            foreach (var run in order)
                run.Results.Add(await run.Step.RunAsync(step, run.Buffers, run.Streams, cancellationToken));
            identical &= Deterministic(overlapped.Results[^1]).SequenceEqual(Deterministic(sequential.Results[^1]));
            log($"step {step}: overlapped {overlapped.Results[^1].Metrics["timing/step"]:F2} s, sequential {sequential.Results[^1].Metrics["timing/step"]:F2} s");
        }

        var a = Times(overlapped.Results);
        var b = Times(sequential.Results);
        return new TrainingBenchmarkResult(preset, config.Model.Path ?? config.Model.Name, config.Schedule.Steps, sandboxLoad, a, b, b.Step / a.Step, identical,
            overlapped.Results.Select(r => r.Metrics["timing/step"]!.Value).ToList(), sequential.Results.Select(r => r.Metrics["timing/step"]!.Value).ToList());
    }

    private static async Task<Run> StartAsync(IPolicy policy, RunConfig config, ICodeExecutor executor, bool overlap, CancellationToken cancellationToken)
    {
        var streams = new SamplerStreams(config.Schedule.Seed);
        var validator = new ProposalValidator(executor, config.SelfPlay, config.Sandbox.TimeoutMs);
        var seeds = await new BufferSeeder(policy, validator, config, streams).SeedAsync(cancellationToken);
        return new Run(new SelfPlayStep(policy, executor, config, overlap), TaskBuffers.FromSeeds(seeds, config.SelfPlay), streams, seeds.Summary);
    }

    private static StepTimes Times(List<StepResult> results)
    {
        double Mean(string name) => results.Average(r => r.Metrics[name] ?? 0);
        var step = Mean("timing/step");
        var execute = Mean("timing/execute");
        var busy = Mean("timing/executor_busy");
        var tokens = Mean("throughput/generated_tokens");
        return new StepTimes(step, Mean("timing/prepare"), Mean("timing/generate"), execute, Mean("timing/reward"), Mean("timing/update"), busy,
            execute / step, busy > 0 ? 1 - execute / busy : null, tokens / step, tokens, Mean("sandbox/executions"));
    }

    private static IEnumerable<KeyValuePair<string, double?>> Deterministic(StepResult result) =>
        result.Metrics.Where(m => !m.Key.StartsWith("timing/", StringComparison.Ordinal) && m.Key != "throughput/tokens_per_s");

    private sealed record Run(SelfPlayStep Step, TaskBuffers Buffers, SamplerStreams Streams, string Seeding)
    {
        public List<StepResult> Results { get; } = [];
    }
}
