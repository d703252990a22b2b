using AbsoluteZero.Core.Policy;
using AbsoluteZero.Model.Architecture;
using AbsoluteZero.Model.Sampling;
using AbsoluteZero.Model.Training;
using TorchSharp;
using static TorchSharp.torch;

namespace AbsoluteZero.Model.Tests;

public sealed class GenerationTests : IDisposable
{
    private readonly TorchPolicy _policy = TinyPolicy.Create();

    private CausalLM Model => _policy.Model;

    [Fact]
    public void Incremental_decoding_with_the_cache_equals_a_full_forward()
    {
        using var _ = inference_mode();
        using var scope = NewDisposeScope();
        var ids = randint(0, 256, [2, 20], ScalarType.Int64, generator: new Generator(5, CPU));
        var valid = ones_like(ids, ScalarType.Bool);
        var full = Model.Forward(ids, valid);

        using var cache = new KvCache(Model.Config, 2, 20, Model.Placement);
        var prefill = Model.Logits(Model.Hidden(ids.narrow(1, 0, 5), AttentionMask.Positions(valid.narrow(1, 0, 5)), AttentionMask.Causal(valid.narrow(1, 0, 5), 0, 5), cache));
        Assert.True((prefill - full.narrow(1, 0, 5)).abs().max().item<float>() < 1e-4);
        for (long t = 5; t < 20; t++)
        {
            var step = Model.Logits(Model.Hidden(ids.narrow(1, t, 1), full_like(ids.narrow(1, 0, 1), t), AttentionMask.Causal(valid.narrow(1, 0, t + 1), t, 1), cache));
            Assert.True((step - full.narrow(1, t, 1)).abs().max().item<float>() < 1e-4, $"position {t}");
        }
    }

    [Fact]
    public void Rows_whose_padding_comes_last_need_no_explicit_mask()
    {
        using var right = tensor(new[] { true, true, true, true, true, false }, [2, 3]);
        using var left = tensor(new[] { true, true, true, false, true, true }, [2, 3]);
        Assert.Null(AttentionMask.ForRows(right));
        using var mask = AttentionMask.ForRows(left);
        Assert.NotNull(mask);
        Assert.Equal([2L, 1, 3, 3], mask!.shape);
        // Row 1's pad query (slot 0) still sees itself, so no softmax row is empty; its real queries skip slot 0.
        var open = mask.eq(0).select(1, 0)[1];
        Assert.True(open[0, 0].item<bool>());
        Assert.False(open[1, 0].item<bool>() || open[2, 0].item<bool>());
        Assert.True(open[2, 1].item<bool>() && open[2, 2].item<bool>() && !open[1, 2].item<bool>());
    }

    [Fact]
    public void Left_padding_in_bf16_leaves_no_NaN_in_the_real_rows()
    {
        using var policy = TorchPolicyFactory.Create(TinyPolicy.Settings with { Dtype = Core.Configuration.ModelDtype.Bfloat16 }, new(), 3);
        using var generator = new Generator(1, CPU);
        var request = new GenerationRequest(6, 0.0, 1.0, new HashSet<int>(), new StopStrings(policy.Tokenizer, null), policy.Tokenizer.Size, 256);
        var generated = BatchGenerator.Generate(policy.Model, [[1], [1, 2, 3, 4, 5, 6, 7]], request, generator);
        Assert.All(generated.SelectMany(g => g.LogProbs), lp => Assert.True(float.IsFinite(lp)));
    }

    [Fact]
    public void A_left_padded_batch_generates_what_each_row_generates_alone()
    {
        int[][] prompts = [[72, 101, 108], [1, 2, 3, 4, 5, 6, 7, 8, 9], [200, 100, 50, 25, 12, 6, 3, 1, 0, 9, 8, 7, 6, 5, 4]];
        var request = Request(8, temperature: 0);
        using var generator = new Generator(1, CPU);
        var together = BatchGenerator.Generate(Model, prompts, request, generator);
        for (var row = 0; row < prompts.Length; row++)
        {
            var alone = BatchGenerator.Generate(Model, [prompts[row]], request, generator)[0];
            Assert.Equal(alone.Tokens, together[row].Tokens);
            for (var i = 0; i < alone.LogProbs.Count; i++)
                Assert.Equal(alone.LogProbs[i], together[row].LogProbs[i], 1e-4);
        }
    }

    [Fact]
    public void Greedy_generation_is_deterministic_and_sampling_repeats_from_a_restored_generator_state()
    {
        string[] prompts = ["<think>", "A conversation between User and Assistant.", "x"];
        var greedy = new SamplingOptions(12, Temperature: 0);
        Assert.Equal(Tokens(_policy.Generate(prompts, greedy)), Tokens(_policy.Generate(prompts, greedy)));

        var sampled = new SamplingOptions(12, Temperature: 1.0, TopP: 0.9);
        using var state = _policy.Generator.get_state();
        var first = Tokens(_policy.Generate(prompts, sampled));
        var second = Tokens(_policy.Generate(prompts, sampled));
        _policy.Generator.set_state(state);
        Assert.Equal(first, Tokens(_policy.Generate(prompts, sampled)));
        Assert.NotEqual(first, second);
        using var twin = TinyPolicy.Create();
        Assert.Equal(first, Tokens(twin.Generate(prompts, sampled)));
    }

    [Fact]
    public void Sampling_log_probs_equal_the_ones_recomputed_in_training_mode()
    {
        var generations = _policy.Generate(["<think>", "def f(x):", "123"], new SamplingOptions(16, Temperature: 1.0));
        var samples = generations.Select(g => new PolicySample(g.PromptTokens, g.ResponseTokens, 1.0)).ToArray();
        var scored = _policy.Score(samples);
        Model.train();
        try
        {
            using var scope = NewDisposeScope();
            using var batch = SequenceBatch.Create(samples, 256, Model.Config.VocabSize, CPU);
            var (withGrad, _) = TokenScorer.Score(Model, batch, _policy.Tokenizer.Size);
            Assert.True(withGrad.requires_grad);
            var recomputed = withGrad.detach().data<float>().ToArray();
            var sampledLogProbs = generations.SelectMany(g => g.LogProbs).ToArray();
            Assert.Equal(sampledLogProbs.Length, recomputed.Length);
            for (var i = 0; i < recomputed.Length; i++)
            {
                Assert.Equal(sampledLogProbs[i], recomputed[i], 1e-4);
                Assert.Equal(sampledLogProbs[i], scored.SelectMany(s => s.LogProbs).ElementAt(i), 1e-4);
            }

            // Entropy of the first response token of row 0, straight from −Σ p·log p over the decodable ids.
            var ids = tensor(generations[0].PromptTokens.Select(t => (long)t).ToArray()).unsqueeze(0);
            var logP = Model.Forward(ids, ones_like(ids, ScalarType.Bool)).select(1, -1).squeeze(0).narrow(0, 0, _policy.Tokenizer.Size).log_softmax(0);
            Assert.Equal(-(logP.exp() * logP).sum().item<float>(), scored[0].Entropies[0], 1e-4);
        }
        finally
        {
            Model.eval();
        }
    }

    [Fact]
    public void Ids_beyond_the_tokenizer_are_never_sampled()
    {
        Assert.True(Model.Config.VocabSize > _policy.Tokenizer.Size);
        var generations = _policy.Generate(Enumerable.Repeat("hot", 8).ToArray(), new SamplingOptions(24, Temperature: 3.0));
        Assert.All(generations.SelectMany(g => g.ResponseTokens), id => Assert.True(id < _policy.Tokenizer.Size, $"id {id}"));
        Assert.All(generations.SelectMany(g => g.LogProbs), lp => Assert.True(float.IsFinite(lp)));
    }

    [Fact]
    public void A_row_stops_at_eos_or_a_stop_string_and_others_keep_going()
    {
        int[][] prompts = [[10, 20, 30], [40, 50, 60, 70]];
        using var generator = new Generator(1, CPU);
        var free = BatchGenerator.Generate(Model, prompts, Request(6, 0), generator);
        var eos = free[0].Tokens[2];
        var stopped = BatchGenerator.Generate(Model, prompts, Request(6, 0) with { EosIds = new HashSet<int> { eos } }, generator);
        Assert.Equal(free[0].Tokens.Take(free[0].Tokens.ToList().IndexOf(eos) + 1), stopped[0].Tokens);
        Assert.False(stopped[0].Truncated);
        if (!free[1].Tokens.Contains(eos))
        {
            Assert.Equal(free[1].Tokens, stopped[1].Tokens);
            Assert.True(stopped[1].Truncated);
        }

        var stopText = _policy.Tokenizer.Decode(free[1].Tokens.Skip(1).Take(2));
        var byString = BatchGenerator.Generate(Model, prompts, Request(6, 0) with { StopStrings = new StopStrings(_policy.Tokenizer, [stopText]) }, generator);
        // Expected: the shortest prefix whose text contains the stop string (greedy tiny models repeat themselves).
        var shortest = Enumerable.Range(1, free[1].Tokens.Count).First(n => _policy.Tokenizer.Decode(free[1].Tokens.Take(n)).Contains(stopText, StringComparison.Ordinal));
        Assert.Equal(free[1].Tokens.Take(shortest), byString[1].Tokens);
        Assert.False(byString[1].Truncated);
    }

    [Fact]
    public void Bad_requests_fail_with_what_is_wrong_and_cancellation_stops_generation()
    {
        var outside = Assert.Throws<ArgumentOutOfRangeException>(() => _policy.GenerateFromIds([[1, 2, 9999]], new SamplingOptions(4)));
        Assert.Contains("prompt 0: token 2 is id 9999", outside.Message);
        Assert.Contains("empty", Assert.Throws<ArgumentException>(() => _policy.Generate(["ok", ""], new SamplingOptions(4))).Message);
        var badSample = new PolicySample([1, 2], [3, -1], 1.0);
        Assert.Contains("sample 0 response", Assert.Throws<ArgumentOutOfRangeException>(() => _policy.Update([badSample])).Message);
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();
        Assert.Throws<OperationCanceledException>(() => _policy.Generate(["x"], new SamplingOptions(4), cancelled.Token));
    }

    [Fact]
    public void Stop_strings_fire_on_the_token_that_completes_them()
    {
        var stops = new StopStrings(_policy.Tokenizer, ["STOP"]);
        List<int> Ids(string s) => _policy.Tokenizer.Encode(s).ToList();
        Assert.False(stops.CompletedBy(Ids("abSTO")));
        Assert.True(stops.CompletedBy(Ids("abSTOP")));
        Assert.False(stops.CompletedBy(Ids("abSTOPx")));
        Assert.True(stops.CompletedBy(Ids(new string('z', 500) + "STOP")));
    }

    [Fact]
    public void Native_memory_stays_flat_however_many_steps_are_decoded()
    {
        int[][] prompts = [[1, 2, 3], [4, 5]];
        using var generator = new Generator(2, CPU);
        BatchGenerator.Generate(Model, prompts, Request(10, 1.0), generator);
        var before = DisposeScopeManager.Statistics.ThreadTotalLiveCount;
        BatchGenerator.Generate(Model, prompts, Request(10, 1.0), generator);
        var afterShort = DisposeScopeManager.Statistics.ThreadTotalLiveCount;
        BatchGenerator.Generate(Model, prompts, Request(400, 1.0), generator);
        var afterLong = DisposeScopeManager.Statistics.ThreadTotalLiveCount;
        Assert.Equal(before, afterShort);
        Assert.Equal(before, afterLong);
    }

    private GenerationRequest Request(int tokens, double temperature) =>
        new(tokens, temperature, 1.0, new HashSet<int>(), new StopStrings(_policy.Tokenizer, null), _policy.Tokenizer.Size, 256);

    private static int[][] Tokens(IReadOnlyList<Generation> generations) => generations.Select(g => g.ResponseTokens.ToArray()).ToArray();

    public void Dispose() => _policy.Dispose();
}
