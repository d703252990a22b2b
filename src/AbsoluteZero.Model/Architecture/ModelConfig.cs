using System.Text.Json;
using System.Text.Json.Nodes;

namespace AbsoluteZero.Model.Architecture;

/// <summary>
/// The shape of a Qwen2-family causal LM, read from a Hugging Face <c>config.json</c>. Qwen2/Qwen2.5 and Llama 3.x
/// share one architecture and differ only in these fields: q/k/v bias (Qwen2 always, Llama when
/// <c>attention_bias</c>), RoPE theta and Llama-3 frequency scaling, tied or untied LM head.
/// Both config styles are read: transformers ≤ 4 (<c>rope_theta</c>, <c>rope_scaling</c>, <c>torch_dtype</c>) and
/// transformers 5 (<c>rope_parameters</c>, <c>dtype</c>). The file's own JSON is kept so a saved checkpoint
/// carries every field it came with.
/// </summary>
public sealed record ModelConfig
{
    public const string FileName = "config.json";

    public required string ModelType { get; init; }
    public required int VocabSize { get; init; }
    public required int HiddenSize { get; init; }
    public required int IntermediateSize { get; init; }
    public required int NumHiddenLayers { get; init; }
    public required int NumAttentionHeads { get; init; }
    public required int NumKeyValueHeads { get; init; }
    public required int HeadDim { get; init; }
    public double RmsNormEps { get; init; } = 1e-6;
    public RopeSettings Rope { get; init; } = new(1_000_000.0);
    public int MaxPositionEmbeddings { get; init; } = 32768;
    public bool TieWordEmbeddings { get; init; }
    public bool AttentionBias { get; init; }
    public bool MlpBias { get; init; }
    public IReadOnlyList<int> EosTokenIds { get; init; } = [];
    public int? BosTokenId { get; init; }
    public int? PadTokenId { get; init; }

    /// <summary>The dtype the weights were saved in (<c>bfloat16</c>, <c>float32</c>…), informational.</summary>
    public string? StoredDtype { get; init; }

    /// <summary>The parsed file, written back verbatim on save; null for configs built in code.</summary>
    public JsonObject? Source { get; init; }

    public int KeyValueGroups => NumAttentionHeads / NumKeyValueHeads;

    public static ModelConfig Load(string folder)
    {
        var path = Path.Combine(folder, FileName);
        if (!File.Exists(path))
            throw new FileNotFoundException($"{path} not found: a model folder needs a config.json", path);
        try
        {
            return Parse(JsonNode.Parse(File.ReadAllText(path))?.AsObject() ?? throw new FormatException("empty file"));
        }
        catch (Exception e) when (e is FormatException or JsonException or InvalidOperationException)
        {
            throw new FormatException($"{path}: {e.Message}", e);
        }
    }

    public static ModelConfig Parse(JsonObject json)
    {
        var type = Str(json, "model_type") ?? throw new FormatException("missing model_type");
        if (type is not ("qwen2" or "llama"))
            throw new FormatException($"model_type '{type}' is not supported (qwen2, llama)");
        if (Str(json, "hidden_act") is { } act && act != "silu")
            throw new FormatException($"hidden_act '{act}' is not supported (silu)");
        if (Bool(json, "use_sliding_window") == true)
            throw new FormatException("use_sliding_window = true is not supported");

        var hidden = Int(json, "hidden_size") ?? throw new FormatException("missing hidden_size");
        var heads = Int(json, "num_attention_heads") ?? throw new FormatException("missing num_attention_heads");
        var kvHeads = Int(json, "num_key_value_heads") ?? heads;
        if (heads % kvHeads != 0)
            throw new FormatException($"num_attention_heads {heads} is not a multiple of num_key_value_heads {kvHeads}");
        var config = new ModelConfig
        {
            ModelType = type,
            VocabSize = Int(json, "vocab_size") ?? throw new FormatException("missing vocab_size"),
            HiddenSize = hidden,
            IntermediateSize = Int(json, "intermediate_size") ?? throw new FormatException("missing intermediate_size"),
            NumHiddenLayers = Int(json, "num_hidden_layers") ?? throw new FormatException("missing num_hidden_layers"),
            NumAttentionHeads = heads,
            NumKeyValueHeads = kvHeads,
            HeadDim = Int(json, "head_dim") ?? hidden / heads,
            RmsNormEps = Double(json, "rms_norm_eps") ?? 1e-6,
            Rope = RopeSettings.Parse(json),
            MaxPositionEmbeddings = Int(json, "max_position_embeddings") ?? 32768,
            TieWordEmbeddings = Bool(json, "tie_word_embeddings") ?? false,
            // Qwen2 always has q/k/v bias (its config has no switch); Llama has it when attention_bias says so.
            AttentionBias = type == "qwen2" || (Bool(json, "attention_bias") ?? false),
            MlpBias = Bool(json, "mlp_bias") ?? false,
            EosTokenIds = IntOrList(json, "eos_token_id"),
            BosTokenId = Int(json, "bos_token_id"),
            PadTokenId = Int(json, "pad_token_id"),
            StoredDtype = Str(json, "dtype") ?? Str(json, "torch_dtype"),
            Source = json,
        };
        if (config.MlpBias)
            throw new FormatException("mlp_bias = true is not supported");
        return config;
    }

    /// <summary>The config.json to write: the source file when there was one, else the transformers-4 style that every version reads.</summary>
    public JsonObject ToJson()
    {
        if (Source is not null)
            return (JsonObject)Source.DeepClone();
        var json = new JsonObject
        {
            ["architectures"] = new JsonArray(ModelType == "qwen2" ? "Qwen2ForCausalLM" : "LlamaForCausalLM"),
            ["model_type"] = ModelType,
            ["vocab_size"] = VocabSize,
            ["hidden_size"] = HiddenSize,
            ["intermediate_size"] = IntermediateSize,
            ["num_hidden_layers"] = NumHiddenLayers,
            ["num_attention_heads"] = NumAttentionHeads,
            ["num_key_value_heads"] = NumKeyValueHeads,
            ["head_dim"] = HeadDim,
            ["hidden_act"] = "silu",
            ["rms_norm_eps"] = RmsNormEps,
            ["rope_theta"] = Rope.Theta,
            ["max_position_embeddings"] = MaxPositionEmbeddings,
            ["tie_word_embeddings"] = TieWordEmbeddings,
            ["use_sliding_window"] = false,
            ["attention_dropout"] = 0.0,
            ["torch_dtype"] = StoredDtype ?? "float32",
        };
        if (ModelType == "llama")
        {
            json["attention_bias"] = AttentionBias;
            json["mlp_bias"] = false;
        }

        if (Rope.Llama3 is { } l3)
        {
            json["rope_scaling"] = new JsonObject
            {
                ["rope_type"] = "llama3", ["factor"] = l3.Factor, ["low_freq_factor"] = l3.LowFreqFactor,
                ["high_freq_factor"] = l3.HighFreqFactor, ["original_max_position_embeddings"] = l3.OriginalMaxPositionEmbeddings,
            };
        }

        return WriteTokenIds(json);
    }

    /// <summary>Adds bos/eos/pad ids as HF writes them (eos a number, or a list when there are several).</summary>
    public JsonObject WriteTokenIds(JsonObject json)
    {
        if (BosTokenId is { } bos) json["bos_token_id"] = bos;
        if (EosTokenIds.Count == 1) json["eos_token_id"] = EosTokenIds[0];
        else if (EosTokenIds.Count > 1) json["eos_token_id"] = new JsonArray(EosTokenIds.Select(id => (JsonNode)id).ToArray());
        if (PadTokenId is { } pad) json["pad_token_id"] = pad;
        return json;
    }

    internal static string? Str(JsonObject json, string name) =>
        json[name] is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;

    internal static int? Int(JsonObject json, string name) => json[name] switch
    {
        JsonValue v when v.TryGetValue<int>(out var i) => i,
        JsonValue v when v.TryGetValue<double>(out var d) && d == Math.Floor(d) => (int)d,
        null => null,
        var other => throw new FormatException($"{name} must be an integer, got {other.ToJsonString()}"),
    };

    internal static double? Double(JsonObject json, string name) => json[name] switch
    {
        JsonValue v when v.TryGetValue<double>(out var d) => d,
        null => null,
        var other => throw new FormatException($"{name} must be a number, got {other.ToJsonString()}"),
    };

    private static bool? Bool(JsonObject json, string name) => json[name] switch
    {
        JsonValue v when v.TryGetValue<bool>(out var b) => b,
        null => null,
        var other => throw new FormatException($"{name} must be true or false, got {other.ToJsonString()}"),
    };

    private static IReadOnlyList<int> IntOrList(JsonObject json, string name) => json[name] switch
    {
        null => [],
        JsonArray array => array.Select(n => n!.GetValue<int>()).ToArray(),
        _ => [Int(json, name)!.Value],
    };
}
