using AbsoluteZero.Core.Configuration;
using AbsoluteZero.Core.Policy;
using AbsoluteZero.Model.Checkpoints;
using AbsoluteZero.Model.Training;
using TorchSharp.Modules;
using AdamW = AbsoluteZero.Model.Training.AdamW;
using static TorchSharp.torch;

namespace AbsoluteZero.Model.Tests;

public sealed class TrainingTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("azr-training-").FullName;

    /// <summary>
    /// Proves the gradient's sign and plumbing end to end: sample, reward responses whose first token is a
    /// letter, whiten rewards over the batch's tokens as TRR++ does, update. Three dozen steps must clearly raise the
    /// probability the model gives letters as the first token.
    /// </summary>
    [Fact]
    public void TRR_updates_raise_the_probability_of_the_rewarded_behaviour()
    {
        using var policy = TinyPolicy.Create(seed: 3, new OptimizationSettings { LearningRate = 5e-3, MicroBatchSize = 8 });
        string[] prompts = ["<think>", "Assistant:", "f(", "1 + 1 ="];
        var letters = Enumerable.Range(0, policy.Tokenizer.Size).Where(id => id < 128 && char.IsAsciiLetter((char)id)).ToArray();
        var before = FirstTokenMass(policy, prompts, letters);
        for (var step = 0; step < 36; step++)
        {
            var generations = policy.Generate(prompts.SelectMany(p => Enumerable.Repeat(p, 4)).ToArray(), new SamplingOptions(4, Temperature: 1.0));
            var rewards = generations.Select(g => letters.Contains(g.ResponseTokens[0]) ? 1.0 : -0.5).ToArray();
            var advantages = TokenWeightedWhitening(rewards, generations.Select(g => g.ResponseTokens.Count).ToArray());
            var stats = policy.Update(generations.Select((g, i) => new PolicySample(g.PromptTokens, g.ResponseTokens, advantages[i])).ToArray());
            Assert.True(double.IsFinite(stats.GradNorm) && stats.Tokens > 0);
            Assert.Equal(0.0, stats.ClipFraction);
        }

        var after = FirstTokenMass(policy, prompts, letters);
        Assert.True(after > 0.8 && after > before + 0.5, $"P(first token is a letter) went from {before:F3} to {after:F3}");
    }

    [Fact]
    public void A_resumed_checkpoint_continues_exactly_as_the_run_that_saved_it()
    {
        var settings = new OptimizationSettings { LearningRate = 1e-3, MicroBatchSize = 2, WarmupSteps = 3 };
        using var original = TinyPolicy.Create(seed: 9, settings);
        var batch = Batch(original, "resume");
        original.Update(batch);
        original.Save(_dir);

        var sampling = new SamplingOptions(8, Temperature: 1.0);
        var expectedGeneration = original.Generate(["abc", "xyz"], sampling).Select(g => g.ResponseTokens.ToArray()).ToArray();
        var expectedStats = original.Update(batch);

        using var resumed = TorchPolicyFactory.Resume(_dir, TinyPolicy.Settings, settings);
        Assert.Equal(1, resumed.Trainer.Optimizer.Steps);
        Assert.Equal(expectedGeneration, resumed.Generate(["abc", "xyz"], sampling).Select(g => g.ResponseTokens.ToArray()).ToArray());
        var stats = resumed.Update(batch);
        Assert.Equal(expectedStats, stats);
        var expected = original.Model.state_dict();
        foreach (var (name, tensor) in resumed.Model.state_dict())
            Assert.True(tensor.equal(expected[name]).all().item<bool>(), name);
    }

    [Fact]
    public void A_saved_checkpoint_is_a_hugging_face_folder_that_loads_as_a_model_path()
    {
        using var policy = TinyPolicy.Create(seed: 4);
        policy.Save(_dir);
        foreach (var file in new[] { "config.json", "generation_config.json", "tokenizer.json", "model.safetensors", AdamW.StateFile, PolicyState.FileName })
            Assert.True(File.Exists(Path.Combine(_dir, file)), file);
        using var loaded = TorchPolicyFactory.Create(TinyPolicy.Settings with { Name = "ignored", Path = _dir }, new OptimizationSettings(), seed: 4);
        var greedy = new SamplingOptions(10, Temperature: 0);
        Assert.Equal(policy.Generate(["hello"], greedy)[0].ResponseTokens, loaded.Generate(["hello"], greedy)[0].ResponseTokens);
    }

    [Fact]
    public void An_unknown_model_name_is_refused_with_what_to_do()
    {
        var error = Assert.Throws<ArgumentException>(() => TorchPolicyFactory.Create(TinyPolicy.Settings with { Name = "Qwen/Qwen2.5-7B" }, new OptimizationSettings(), 1));
        Assert.Contains("tiny, small", error.Message);
        Assert.Contains("model.path", error.Message);
    }

    [Fact]
    public void Our_AdamW_matches_torch_AdamW_step_for_step()
    {
        using var generator = new Generator(8, CPU);
        var ours = new Parameter(randn([6, 5], generator: generator));
        var theirs = new Parameter(ours.detach().clone());
        var settings = new OptimizationSettings { WeightDecay = 0.1, Beta1 = 0.8, Beta2 = 0.95, AdamEpsilon = 1e-6 };
        using var adam = new AdamW([("w", ours)], settings);
        using var reference = optim.AdamW([theirs], lr: 0.01, beta1: 0.8, beta2: 0.95, eps: 1e-6, weight_decay: 0.1);
        for (var step = 0; step < 5; step++)
        {
            using var target = randn([6, 5], generator: generator);
            ((ours - target).pow(2).sum() * (step + 1)).backward();
            ((theirs - target).pow(2).sum() * (step + 1)).backward();
            adam.Step(0.01);
            reference.step();
            adam.ZeroGrad();
            reference.zero_grad();
        }

        Assert.True(ours.allclose(theirs, rtol: 1e-5, atol: 1e-6));
        Assert.True(AdamW.Decays("model.layers.0.mlp.up_proj.weight"));
        Assert.True(AdamW.Decays("model.embed_tokens.weight"));
        Assert.False(AdamW.Decays("model.layers.0.self_attn.q_proj.bias"));
        Assert.False(AdamW.Decays("model.layers.3.post_attention_layernorm.weight"));
        Assert.False(AdamW.Decays("model.norm.weight"));
    }

    [Fact]
    public void The_loss_is_token_mean_PPO_clip_minus_the_entropy_bonus_with_ratio_one()
    {
        using var logProbs = tensor(new[] { -1.0f, -2.0f, -0.5f, -3.0f }).requires_grad_();
        using var entropies = tensor(new[] { 2.0f, 1.0f, 3.0f, 2.0f });
        using var advantages = tensor(new[] { 1.0f, 1.0f, -2.0f, 0.5f });
        var terms = PolicyLoss.Compute(logProbs, entropies, advantages, clipRatio: 0.2, entropyCoeff: 0.01);
        Assert.Equal(-0.125, terms.PgLoss.item<float>(), 6);       // mean(−A·1)
        Assert.Equal(2.0, terms.Entropy.item<float>(), 6);
        Assert.Equal(-0.125 - 0.02, terms.Loss.item<float>(), 6);
        Assert.Equal(0.0, terms.ClipFraction.item<float>());
        terms.Loss.backward();
        Assert.Equal(new[] { -0.25f, -0.25f, 0.5f, -0.125f }, logProbs.grad!.data<float>().ToArray()); // −A/N
    }

    [Fact]
    public void The_learning_rate_schedule_warms_up_then_holds_or_decays()
    {
        var constant = new ScheduledLearningRate(new OptimizationSettings { LearningRate = 1e-6 }, null);
        Assert.Equal(1e-6, constant.At(1));
        Assert.Equal(1e-6, constant.At(500));
        var warm = new OptimizationSettings { LearningRate = 1.0, WarmupSteps = 4, LrSchedule = Core.Configuration.LearningRateSchedule.Cosine };
        var cosine = new ScheduledLearningRate(warm, totalSteps: 104);
        Assert.Equal(0.25, cosine.At(1), 12);
        Assert.Equal(1.0, cosine.At(4), 12);
        Assert.Equal(0.5, cosine.At(54), 12);
        Assert.Equal(0.0, cosine.At(104), 12);
        var linear = new ScheduledLearningRate(warm with { LrSchedule = Core.Configuration.LearningRateSchedule.Linear }, totalSteps: 104);
        Assert.Equal(0.75, linear.At(29), 12);
        Assert.Throws<InvalidOperationException>(() => new ScheduledLearningRate(warm, null).At(10));
    }

    [Fact]
    public void A_bf16_policy_keeps_f32_master_weights_and_trains()
    {
        using var policy = TorchPolicyFactory.Create(TinyPolicy.Settings with { Dtype = ModelDtype.Bfloat16 }, new OptimizationSettings { LearningRate = 1e-5, MicroBatchSize = 4 }, 5);
        Assert.Equal(ScalarType.BFloat16, policy.Model.Placement.Dtype);
        var before = policy.Model.state_dict()["model.layers.0.mlp.up_proj.weight"].to_type(ScalarType.Float32);
        var stats = policy.Update(Batch(policy, "bf16"));
        Assert.True(double.IsFinite(stats.GradNorm) && stats.GradNorm > 0);
        var after = policy.Model.state_dict()["model.layers.0.mlp.up_proj.weight"].to_type(ScalarType.Float32);
        // An update of ~1e-5 is below bf16 resolution for most weights; the master copy must still carry it.
        Assert.True(policy.Generate(["x"], new SamplingOptions(4))[0].ResponseTokens.Count > 0);
        Assert.False(double.IsNaN((after - before).abs().sum().item<float>()));
    }

    private static PolicySample[] Batch(TorchPolicy policy, string text)
    {
        var prompt = policy.Tokenizer.Encode(text);
        return
        [
            new(prompt, policy.Tokenizer.Encode(" yes"), 1.0),
            new(prompt, policy.Tokenizer.Encode(" no!"), -1.0),
            new(policy.Tokenizer.Encode("a longer prompt"), policy.Tokenizer.Encode(" maybe"), 0.5),
        ];
    }

    /// <summary>TRR++ (AZR.md §4.1): (R − mean) / sqrt(var + 1e−8) with token-weighted mean and unbiased variance.</summary>
    private static double[] TokenWeightedWhitening(double[] rewards, int[] lengths)
    {
        var tokens = rewards.SelectMany((r, i) => Enumerable.Repeat(r, lengths[i])).ToArray();
        var mean = tokens.Average();
        var variance = tokens.Sum(t => (t - mean) * (t - mean)) / Math.Max(1, tokens.Length - 1);
        return rewards.Select(r => (r - mean) / Math.Sqrt(variance + 1e-8)).ToArray();
    }

    /// <summary>Exact probability, averaged over prompts, that the first response token is one of <paramref name="ids"/>.</summary>
    private static double FirstTokenMass(TorchPolicy policy, string[] prompts, int[] ids)
    {
        using var _ = inference_mode();
        using var scope = NewDisposeScope();
        double total = 0;
        foreach (var prompt in prompts)
        {
            var tokens = tensor(policy.Tokenizer.Encode(prompt).Select(i => (long)i).ToArray()).unsqueeze(0);
            var logits = policy.Model.Forward(tokens, ones_like(tokens, ScalarType.Bool)).select(1, -1).squeeze(0);
            var probabilities = logits.narrow(0, 0, policy.Tokenizer.Size).softmax(0);
            total += probabilities.index_select(0, tensor(ids.Select(i => (long)i).ToArray())).sum().item<float>();
        }

        return total / prompts.Length;
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);
}
