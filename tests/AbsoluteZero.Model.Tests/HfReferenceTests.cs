using AbsoluteZero.Model.Architecture;
using AbsoluteZero.Model.Safetensors;
using AbsoluteZero.Model.Sampling;
using AbsoluteZero.Model.Tokenization;
using static TorchSharp.torch;

namespace AbsoluteZero.Model.Tests;

/// <summary>Our forward pass and generation against Hugging Face transformers 5.17 on the same random weights.</summary>
public sealed class HfReferenceTests
{
    public static TheoryData<string> F32Fixtures => new() { "qwen2-tied", "qwen2-untied", "llama3", "qwen2-tied-sharded" };

    [Theory]
    [MemberData(nameof(F32Fixtures))]
    public void Logits_equal_transformers_within_1e4(string fixture)
    {
        var reference = HfReference.Load(fixture);
        using var model = reference.LoadModel();
        foreach (var sequence in reference.Sequences)
            Assert.True(MaxDifference(model, sequence) < 1e-4, $"{fixture}, {sequence.InputIds.Length} tokens");
    }

    [Theory]
    [MemberData(nameof(F32Fixtures))]
    public void Greedy_continuations_with_the_kv_cache_equal_transformers(string fixture)
    {
        var reference = HfReference.Load(fixture);
        using var model = reference.LoadModel();
        using var generator = new Generator(1, CPU);
        foreach (var sequence in reference.Sequences)
        {
            var generated = BatchGenerator.Generate(model, [sequence.InputIds], Greedy(10, reference.PadId), generator);
            Assert.Equal(sequence.Greedy10, generated[0].Tokens);
        }
    }

    [Theory]
    [MemberData(nameof(F32Fixtures))]
    public void Left_padded_batch_generation_equals_transformers_generate(string fixture)
    {
        var reference = HfReference.Load(fixture);
        using var model = reference.LoadModel();
        using var generator = new Generator(1, CPU);
        var generated = BatchGenerator.Generate(model, reference.LeftPaddedPrompts.ToArray<IReadOnlyList<int>>(), Greedy(10, reference.PadId), generator);
        for (var row = 0; row < generated.Count; row++)
            Assert.Equal(reference.LeftPaddedNewTokens[row], generated[row].Tokens);
    }

    [Fact]
    public void Bf16_weights_load_into_f32_as_their_exact_values()
    {
        using var f32 = HfReference.Load("qwen2-tied").LoadModel();
        using var fromBf16 = HfReference.Load("qwen2-tied-bf16").LoadModel();
        var expected = f32.state_dict();
        foreach (var (name, loaded) in fromBf16.state_dict())
        {
            Assert.Equal(ScalarType.Float32, loaded.dtype);
            using var rounded = expected[name].to_type(ScalarType.BFloat16).to_type(ScalarType.Float32);
            Assert.True(rounded.equal(loaded).all().item<bool>(), name);
        }
    }

    /// <summary>
    /// make_reference.py computed this fixture's logits after <c>model.to(bfloat16).float()</c>, which also rounds the
    /// rotary inverse frequencies (a float buffer) to bf16; we keep them in f32, as a model loaded in any dtype does.
    /// Rounding them the same way reproduces the reference to 1.5e-6 (checked by hand); with f32 frequencies the
    /// logits differ by up to ~1e-3 at position 40, hence the looser bound here and exact greedy tokens.
    /// </summary>
    [Fact]
    public void Bf16_fixture_logits_and_greedy_match_transformers()
    {
        var reference = HfReference.Load("qwen2-tied-bf16");
        using var model = reference.LoadModel();
        using var generator = new Generator(1, CPU);
        foreach (var sequence in reference.Sequences)
        {
            Assert.True(MaxDifference(model, sequence) < 5e-3, $"{sequence.InputIds.Length} tokens");
            Assert.Equal(sequence.Greedy10, BatchGenerator.Generate(model, [sequence.InputIds], Greedy(10, reference.PadId), generator)[0].Tokens);
        }
    }

    private static double MaxDifference(CausalLM model, ReferenceSequence sequence)
    {
        using var _ = inference_mode();
        using var scope = NewDisposeScope();
        var ids = tensor(sequence.InputIds.Select(i => (long)i).ToArray()).unsqueeze(0);
        var logits = model.Forward(ids, ones_like(ids, ScalarType.Bool));
        var expected = tensor(sequence.Logits).view(logits.shape);
        return (logits - expected).abs().max().item<float>();
    }

    private static GenerationRequest Greedy(int tokens, int padId) =>
        new(tokens, 0.0, 1.0, new HashSet<int>(), new StopStrings(TextTokenizer.FromJson(ByteLevelTokenizerJson.Create(), "test"), null), int.MaxValue, padId);
}
