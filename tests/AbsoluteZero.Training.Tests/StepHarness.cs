using AbsoluteZero.Core.Buffers;
using AbsoluteZero.Core.Configuration;
using AbsoluteZero.Core.SelfPlay;

namespace AbsoluteZero.Training.Tests;

/// <summary>A small run configuration and zero-seeded buffers for driving <see cref="SelfPlayStep"/> by hand.</summary>
public static class StepHarness
{
    /// <summary>Tiny's settings with B = 2, N = 2, one reference and 4 induction inputs (2 shown, 2 hidden).</summary>
    public static RunConfig Config(Func<SelfPlaySettings, SelfPlaySettings>? selfPlay = null)
    {
        var tiny = RunPresets.Tiny.Config;
        var s = tiny.SelfPlay with { BatchSize = 2, LearnabilitySamples = 2, InductionInputs = 4, References = 1 };
        return tiny with
        {
            SelfPlay = selfPlay?.Invoke(s) ?? s,
            Sandbox = tiny.Sandbox with { TimeoutMs = SandboxFixture.TimeoutMs },
            Schedule = tiny.Schedule with { Steps = 3, SaveEvery = 1, KeepCheckpoints = 5 },
        };
    }

    public static TaskBuffers ZeroSeeded(RunConfig config) =>
        TaskBuffers.FromSeeds(new SeedingResult([SeedTasks.ZeroTriplet], [SeedTasks.ZeroInduction], 8, 0, 0, true, true), config.SelfPlay);

    /// <summary>Metrics without the ones that measure time (they differ between identical runs).</summary>
    public static IReadOnlyDictionary<string, double?> Deterministic(IReadOnlyDictionary<string, double?> metrics) =>
        metrics.Where(m => !m.Key.StartsWith("timing/", StringComparison.Ordinal) && m.Key != "throughput/tokens_per_s")
            .ToDictionary(m => m.Key, m => m.Value);
}
