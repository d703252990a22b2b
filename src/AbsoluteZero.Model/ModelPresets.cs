using System.Text.Json.Nodes;
using AbsoluteZero.Model.Architecture;
using AbsoluteZero.Model.Tokenization;

namespace AbsoluteZero.Model;

/// <summary>A built-in model: its shape and its tokenizer.json, both made in code so nothing is downloaded.</summary>
public sealed record ModelPreset(string Name, ModelConfig Config, JsonObject TokenizerJson);

/// <summary>
/// <c>tiny</c>: ~0.8 M parameters, for CI and laptops (learns nothing useful; exercises every path in seconds).
/// <c>small</c>: ~102 M parameters with Qwen's 151,936-row vocabulary, for benchmarks. Both are Qwen2-shaped
/// (q/k/v bias, tied head), randomly initialised from the run's seed, with the byte-level tokenizer.
/// </summary>
public static class ModelPresets
{
    public static readonly ModelPreset Tiny = Create("tiny", hidden: 128, layers: 4, heads: 4, kvHeads: 2, intermediate: 384, vocab: 320);

    public static readonly ModelPreset Small = Create("small", hidden: 512, layers: 8, heads: 8, kvHeads: 2, intermediate: 1536, vocab: 151_936);

    public static IReadOnlyList<ModelPreset> All { get; } = [Tiny, Small];

    public static ModelPreset? Find(string name) =>
        All.FirstOrDefault(p => string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase));

    private static ModelPreset Create(string name, int hidden, int layers, int heads, int kvHeads, int intermediate, int vocab)
    {
        var eos = 256; // ByteLevelTokenizerJson.EndOfText
        var config = new ModelConfig
        {
            ModelType = "qwen2",
            VocabSize = vocab,
            HiddenSize = hidden,
            IntermediateSize = intermediate,
            NumHiddenLayers = layers,
            NumAttentionHeads = heads,
            NumKeyValueHeads = kvHeads,
            HeadDim = hidden / heads,
            RmsNormEps = 1e-6,
            Rope = new RopeSettings(1_000_000.0),
            MaxPositionEmbeddings = 32768,
            TieWordEmbeddings = true,
            AttentionBias = true,
            EosTokenIds = [eos],
            BosTokenId = eos,
            PadTokenId = eos,
            StoredDtype = "float32",
        };
        return new ModelPreset(name, config, ByteLevelTokenizerJson.Create());
    }
}
