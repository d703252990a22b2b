using System.Diagnostics;
using AbsoluteZero.Core.Policy;
using AbsoluteZero.Model.Architecture;
using AbsoluteZero.Model.Sampling;
using TorchSharp;
using static TorchSharp.torch;

namespace AbsoluteZero.Model.Benchmarks;

public sealed record ModelBenchmarkOptions(int Batch = 8, int PromptLength = 256, int DecodeTokens = 64, int TrainPromptLength = 128, int TrainResponseLength = 128, int Repeats = 3);

/// <summary>What <c>azr bench model</c> prints (snake_case JSON). Rates are the best of the repeats.</summary>
public sealed record ModelBenchmarkResult(
    string Device,
    string Dtype,
    int Threads,
    long Parameters,
    double PrefillTokensPerS,
    double PrefillTflops,
    double PrefillLastLogitsTokensPerS,
    double DecodeTokensPerS,
    double TrainTokensPerS,
    double MatmulTflopsPeak,
    double PrefillVsPeak);

/// <summary>
/// Speed of the policy's three workloads, with a square f32 matmul measured in the same process as the ceiling:
/// prefill = a batch × prompt forward with logits at every position (what scoring and training run; prefill for
/// generation projects only the last position and is reported beside it), decode = batched KV-cache greedy steps,
/// train = one full <see cref="TorchPolicy.Update"/> (forward, backward, clip, AdamW) per repeat. The ceiling is
/// timed in turns with the prefill.
/// FLOPs counted: 2 per weight per token for every matmul weight (LM head included, embedding lookup not) plus
/// 4·T·heads·headDim per token per layer for the attention scores and values over the full T × T square we compute.
/// </summary>
public static class ModelBenchmark
{
    public static ModelBenchmarkResult Run(TorchPolicy policy, ModelBenchmarkOptions options)
    {
        var model = policy.Model;
        var config = model.Config;
        var device = model.Placement.Device;
        using var generator = new Generator(7, CPU);

        using var prompt = RandomIds(options.Batch, options.PromptLength, policy.Tokenizer.Size, generator, device);
        using var valid = ones([options.Batch, options.PromptLength], ScalarType.Bool, device);
        // The prefill and its ceiling are timed in alternation, so a machine that gets busier or quieter during the
        // run moves both alike and their ratio stays meaningful.
        using var matrixA = randn([PeakSize(device), PeakSize(device)], ScalarType.Float32, device);
        using var matrixB = randn([PeakSize(device), PeakSize(device)], ScalarType.Float32, device);
        var (prefill, peakSeconds) = BestInterleaved(options.Repeats, device, () =>
        {
            using var _ = inference_mode();
            using var scope = NewDisposeScope();
            model.Forward(prompt, valid);
        }, () =>
        {
            using var product = matmul(matrixA, matrixB);
        });
        var prefillLast = Best(options.Repeats, device, () =>
        {
            using var _ = inference_mode();
            using var scope = NewDisposeScope();
            var hidden = model.Hidden(prompt, AttentionMask.Positions(valid), AttentionMask.ForRows(valid));
            model.Logits(hidden.select(1, options.PromptLength - 1));
        });
        var prefillTokens = (double)options.Batch * options.PromptLength;
        var prefillFlops = prefillTokens * (2.0 * MatmulWeights(config) + 4.0 * config.NumHiddenLayers * options.PromptLength * config.NumAttentionHeads * config.HeadDim);

        var decodePrompts = Enumerable.Range(0, options.Batch).Select(_ => (IReadOnlyList<int>)RandomList(16, policy.Tokenizer.Size, generator)).ToArray();
        var request = new GenerationRequest(options.DecodeTokens, 0.0, 1.0, new HashSet<int>(), new StopStrings(policy.Tokenizer, null), policy.Tokenizer.Size, 0);
        var decode = Best(options.Repeats, device, () => BatchGenerator.Generate(model, decodePrompts, request, policy.Generator));

        var samples = Enumerable.Range(0, options.Batch).Select(i => new PolicySample(
            RandomList(options.TrainPromptLength, policy.Tokenizer.Size, generator),
            RandomList(options.TrainResponseLength, policy.Tokenizer.Size, generator),
            i % 2 == 0 ? 1.0 : -1.0)).ToArray();
        var train = Best(options.Repeats, device, () => policy.Update(samples));
        var trainTokens = (double)options.Batch * (options.TrainPromptLength + options.TrainResponseLength);

        var peak = 2.0 * Math.Pow(PeakSize(device), 3) / peakSeconds / 1e12;
        var prefillTflops = prefillFlops / prefill / 1e12;
        return new ModelBenchmarkResult(
            device.type.ToString().ToLowerInvariant(),
            model.Placement.Dtype.ToString().ToLowerInvariant(),
            get_num_threads(),
            model.parameters().Sum(p => p.numel()),
            prefillTokens / prefill,
            prefillTflops,
            prefillTokens / prefillLast,
            (double)options.Batch * options.DecodeTokens / decode,
            trainTokens / train,
            peak,
            prefillTflops / peak);
    }

    /// <summary>The side of the square f32 matmul that measures the ceiling: large enough to run at full speed.</summary>
    private static long PeakSize(Device device) => device.type == DeviceType.CUDA ? 8192 : 2048;

    /// <summary>Weights that take part in a matmul for every token: all layer projections and the LM head.</summary>
    public static long MatmulWeights(ModelConfig c)
    {
        long q = (long)c.HiddenSize * c.NumAttentionHeads * c.HeadDim;
        long kv = 2L * c.HiddenSize * c.NumKeyValueHeads * c.HeadDim;
        long o = (long)c.NumAttentionHeads * c.HeadDim * c.HiddenSize;
        long mlp = 3L * c.HiddenSize * c.IntermediateSize;
        return c.NumHiddenLayers * (q + kv + o + mlp) + (long)c.HiddenSize * c.VocabSize;
    }

    /// <summary>Seconds of the fastest of <paramref name="repeats"/> runs, after one warm-up run.</summary>
    private static double Best(int repeats, Device device, Action action)
    {
        Time(device, action);
        var best = double.MaxValue;
        for (var i = 0; i < Math.Max(1, repeats); i++)
            best = Math.Min(best, Time(device, action));
        return best;
    }

    /// <summary>Best seconds of two actions timed turn about, after one warm-up each.</summary>
    private static (double First, double Second) BestInterleaved(int repeats, Device device, Action first, Action second)
    {
        double bestFirst = double.MaxValue, bestSecond = double.MaxValue;
        for (var i = 0; i <= Math.Max(1, repeats); i++)
        {
            var a = Time(device, first);
            var b = Time(device, second);
            if (i == 0)
                continue;
            bestFirst = Math.Min(bestFirst, a);
            bestSecond = Math.Min(bestSecond, b);
        }

        return (bestFirst, bestSecond);
    }

    private static double Time(Device device, Action action)
    {
        var watch = Stopwatch.StartNew();
        action();
        Synchronize(device);
        return watch.Elapsed.TotalSeconds;
    }

    private static void Synchronize(Device device)
    {
        if (device.type == DeviceType.CUDA)
            cuda.synchronize(device);
    }

    private static Tensor RandomIds(int batch, int length, int limit, Generator generator, Device device)
    {
        using var ids = randint(0, limit, [batch, length], ScalarType.Int64, CPU, generator: generator);
        return ids.to(device);
    }

    private static int[] RandomList(int length, int limit, Generator generator)
    {
        using var ids = randint(0, limit, [length], ScalarType.Int64, CPU, generator: generator);
        return ids.data<long>().Select(v => (int)v).ToArray();
    }
}
