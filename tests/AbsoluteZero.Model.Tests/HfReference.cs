using System.Text.Json;
using AbsoluteZero.Model.Architecture;
using AbsoluteZero.Model.Safetensors;
using AbsoluteZero.Testing;

namespace AbsoluteZero.Model.Tests;

/// <summary>One of the Hugging Face reference fixtures (tests/fixtures/hf-reference, made by make_reference.py).</summary>
public sealed class HfReference
{
    private HfReference(string folder, JsonElement reference)
    {
        Folder = folder;
        Sequences = reference.GetProperty("sequences").EnumerateArray().Select(s => new ReferenceSequence(
            Ints(s.GetProperty("input_ids")),
            s.GetProperty("logits").EnumerateArray().SelectMany(r => r.EnumerateArray().Select(v => v.GetSingle())).ToArray(),
            Ints(s.GetProperty("greedy_10")))).ToArray();
        var batch = reference.GetProperty("left_padded_greedy");
        LeftPaddedPrompts = batch.GetProperty("prompts").EnumerateArray().Select(Ints).ToArray();
        LeftPaddedNewTokens = batch.GetProperty("new_tokens").EnumerateArray().Select(Ints).ToArray();
        PadId = batch.GetProperty("pad_id").GetInt32();
    }

    public string Folder { get; }
    public IReadOnlyList<ReferenceSequence> Sequences { get; }
    public IReadOnlyList<int[]> LeftPaddedPrompts { get; }
    public IReadOnlyList<int[]> LeftPaddedNewTokens { get; }
    public int PadId { get; }

    public static string PathOf(string name) => Path.Combine(RepositoryPaths.Fixtures, "hf-reference", name);

    public static HfReference Load(string name)
    {
        var folder = PathOf(name);
        using var document = JsonDocument.Parse(File.ReadAllText(Path.Combine(folder, "reference.json")));
        return new HfReference(folder, document.RootElement.Clone());
    }

    public CausalLM LoadModel()
    {
        var model = new CausalLM(ModelConfig.Load(Folder), Placement.Cpu32);
        ModelWeights.Load(model, Folder);
        model.eval();
        return model;
    }

    private static int[] Ints(JsonElement array) => array.EnumerateArray().Select(v => v.GetInt32()).ToArray();
}

public sealed record ReferenceSequence(int[] InputIds, float[] Logits, int[] Greedy10);
