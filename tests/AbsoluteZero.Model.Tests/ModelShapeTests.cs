using System.Text.Json.Nodes;
using AbsoluteZero.Model.Architecture;
using AbsoluteZero.Testing;
using static TorchSharp.torch;

namespace AbsoluteZero.Model.Tests;

/// <summary>The real checkpoints' configs, built on the meta device: every state_dict key and shape as Hugging Face names them.</summary>
public sealed class ModelShapeTests
{
    public static TheoryData<string, long> RealConfigs => new()
    {
        { "qwen2.5-0.5b", 494_032_768 },
        { "qwen2.5-7b", 7_615_616_512 },
        { "qwen2.5-coder-7b", 7_615_616_512 },
        { "llama3.1-8b", 8_030_261_248 },
    };

    [Theory]
    [MemberData(nameof(RealConfigs))]
    public void State_dict_names_and_shapes_equal_the_checkpoint_layout(string name, long parameters)
    {
        var config = ModelConfig.Parse(JsonNode.Parse(File.ReadAllText(Path.Combine(RepositoryPaths.Fixtures, "model-configs", name + ".json")))!.AsObject());
        using var model = new CausalLM(config, new Placement(META, ScalarType.BFloat16));
        var actual = model.state_dict().ToDictionary(kv => kv.Key, kv => kv.Value.shape);
        var expected = ExpectedLayout(config);
        Assert.Equal(expected.Keys.Order(), actual.Keys.Order());
        foreach (var (key, shape) in expected)
            Assert.True(shape.SequenceEqual(actual[key]), $"{key}: expected [{string.Join(", ", shape)}], got [{string.Join(", ", actual[key])}]");
        Assert.Equal(parameters, model.parameters().Sum(p => p.numel()));
    }

    [Fact]
    public void Both_rope_config_styles_read_the_same()
    {
        var v4 = ModelConfig.Parse(JsonNode.Parse(File.ReadAllText(Path.Combine(RepositoryPaths.Fixtures, "model-configs", "llama3.1-8b.json")))!.AsObject());
        Assert.Equal(new RopeSettings(500_000, new Llama3RopeScaling(8, 1, 4, 8192)), v4.Rope);
        var v5 = ModelConfig.Load(HfReference.PathOf("llama3"));
        Assert.Equal(new RopeSettings(500_000, new Llama3RopeScaling(8, 1, 4, 64)), v5.Rope);
        Assert.Equal(new RopeSettings(1_000_000), ModelConfig.Load(HfReference.PathOf("qwen2-tied")).Rope);
        Assert.False(v4.AttentionBias);
        Assert.True(ModelConfig.Load(HfReference.PathOf("qwen2-tied")).AttentionBias);
    }

    [Fact]
    public void Unsupported_configs_are_refused_with_the_field_named()
    {
        var json = JsonNode.Parse(File.ReadAllText(Path.Combine(RepositoryPaths.Fixtures, "model-configs", "qwen2.5-0.5b.json")))!.AsObject();
        json["rope_scaling"] = new JsonObject { ["type"] = "yarn", ["factor"] = 4.0 };
        Assert.Contains("rope_type 'yarn'", Assert.Throws<FormatException>(() => ModelConfig.Parse(json)).Message);
        json.Remove("rope_scaling");
        json["num_key_value_heads"] = 3;
        Assert.Contains("num_key_value_heads", Assert.Throws<FormatException>(() => ModelConfig.Parse(json)).Message);
    }

    /// <summary>Hugging Face's key layout written out from the config (the names a checkpoint's index lists).</summary>
    private static Dictionary<string, long[]> ExpectedLayout(ModelConfig c)
    {
        long h = c.HiddenSize, q = c.NumAttentionHeads * c.HeadDim, kv = c.NumKeyValueHeads * c.HeadDim;
        var layout = new Dictionary<string, long[]>
        {
            ["model.embed_tokens.weight"] = [c.VocabSize, h],
            ["model.norm.weight"] = [h],
        };
        if (!c.TieWordEmbeddings)
            layout["lm_head.weight"] = [c.VocabSize, h];
        for (var i = 0; i < c.NumHiddenLayers; i++)
        {
            var p = $"model.layers.{i}.";
            layout[p + "input_layernorm.weight"] = [h];
            layout[p + "post_attention_layernorm.weight"] = [h];
            layout[p + "self_attn.q_proj.weight"] = [q, h];
            layout[p + "self_attn.k_proj.weight"] = [kv, h];
            layout[p + "self_attn.v_proj.weight"] = [kv, h];
            layout[p + "self_attn.o_proj.weight"] = [h, q];
            layout[p + "mlp.gate_proj.weight"] = [c.IntermediateSize, h];
            layout[p + "mlp.up_proj.weight"] = [c.IntermediateSize, h];
            layout[p + "mlp.down_proj.weight"] = [h, c.IntermediateSize];
            if (c.ModelType == "qwen2")
            {
                layout[p + "self_attn.q_proj.bias"] = [q];
                layout[p + "self_attn.k_proj.bias"] = [kv];
                layout[p + "self_attn.v_proj.bias"] = [kv];
            }
        }

        return layout;
    }
}
