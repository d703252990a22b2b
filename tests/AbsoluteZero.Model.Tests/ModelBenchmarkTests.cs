using AbsoluteZero.Model.Benchmarks;

namespace AbsoluteZero.Model.Tests;

/// <summary>The benchmark's plumbing on <c>tiny</c> at toy sizes; timings are printed by <c>azr bench model</c>, never asserted.</summary>
public sealed class ModelBenchmarkTests
{
    [Fact]
    public void The_benchmark_measures_every_workload_and_counts_flops_from_the_config()
    {
        using var policy = TinyPolicy.Create();
        var result = ModelBenchmark.Run(policy, new ModelBenchmarkOptions(Batch: 2, PromptLength: 16, DecodeTokens: 4, TrainPromptLength: 8, TrainResponseLength: 8, Repeats: 1));
        Assert.Equal("cpu", result.Device);
        Assert.Equal(policy.Model.parameters().Sum(p => p.numel()), result.Parameters);
        Assert.All(new[] { result.PrefillTokensPerS, result.PrefillLastLogitsTokensPerS, result.DecodeTokensPerS, result.TrainTokensPerS, result.MatmulTflopsPeak },
            rate => Assert.True(rate > 0));
        Assert.Equal(result.PrefillTflops / result.MatmulTflopsPeak, result.PrefillVsPeak);
        // tiny: 4 layers × (128·128 + 2·128·64 + 128·128 + 3·128·384) + 128·320 head weights.
        Assert.Equal(4L * (16384 + 16384 + 16384 + 147456) + 40960, ModelBenchmark.MatmulWeights(policy.Model.Config));
    }
}
