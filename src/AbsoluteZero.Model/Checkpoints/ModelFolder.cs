using System.Text.Json.Nodes;
using AbsoluteZero.Model.Architecture;
using AbsoluteZero.Model.Tokenization;

namespace AbsoluteZero.Model.Checkpoints;

/// <summary>
/// Where a policy's non-weight parts come from and how they are written back: config.json, generation_config.json
/// and the tokenizer files of a Hugging Face folder, or a preset's in-code equivalents.
/// </summary>
public sealed class ModelFolder
{
    public const string GenerationConfigFile = "generation_config.json";

    /// <summary>Tokenizer files a Hugging Face folder may hold; all that exist are carried into checkpoints.</summary>
    private static readonly string[] TokenizerFiles = ["tokenizer.json", "tokenizer_config.json", "special_tokens_map.json", "vocab.json", "merges.txt"];

    private readonly string? _sourceFolder;
    private readonly JsonObject? _tokenizerJson;

    private ModelFolder(ModelConfig config, JsonObject? generationConfig, string? sourceFolder, JsonObject? tokenizerJson)
    {
        Config = config;
        GenerationConfig = generationConfig;
        _sourceFolder = sourceFolder;
        _tokenizerJson = tokenizerJson;
    }

    public ModelConfig Config { get; }

    public JsonObject? GenerationConfig { get; }

    /// <summary>The folder weights are loaded from; null for a preset (random weights).</summary>
    public string? WeightsFolder => _sourceFolder;

    public static ModelFolder Open(string folder)
    {
        if (!Directory.Exists(folder))
            throw new DirectoryNotFoundException($"model folder {folder} does not exist");
        var config = ModelConfig.Load(folder);
        var generationPath = Path.Combine(folder, GenerationConfigFile);
        JsonObject? generation = null;
        if (File.Exists(generationPath))
        {
            generation = JsonNode.Parse(File.ReadAllText(generationPath)) as JsonObject
                ?? throw new FormatException($"{generationPath} is not a JSON object");
        }

        if (!File.Exists(Path.Combine(folder, TextTokenizer.FileName)))
            throw new FileNotFoundException($"{folder} has no {TextTokenizer.FileName}; the policy needs the model's own tokenizer");
        return new ModelFolder(config, generation, Path.GetFullPath(folder), null);
    }

    public static ModelFolder FromPreset(ModelPreset preset) => new(preset.Config, null, null, preset.TokenizerJson);

    public TextTokenizer LoadTokenizer() =>
        _sourceFolder is not null ? TextTokenizer.Load(_sourceFolder) : TextTokenizer.FromJson(_tokenizerJson!, "preset tokenizer");

    /// <summary>EOS ids: generation_config.json's when given (instruct models list several), else config.json's.</summary>
    public IReadOnlySet<int> EosIds()
    {
        var ids = new HashSet<int>();
        switch (GenerationConfig?["eos_token_id"])
        {
            case JsonArray array:
                foreach (var node in array)
                    ids.Add(node!.GetValue<int>());
                break;
            case JsonValue value:
                ids.Add(value.GetValue<int>());
                break;
        }

        if (ids.Count == 0)
            ids.UnionWith(Config.EosTokenIds);
        return ids;
    }

    /// <summary>Writes config.json, generation_config.json and the tokenizer files (weights are written by the caller).</summary>
    public void WriteTo(string folder)
    {
        Directory.CreateDirectory(folder);
        var indented = new System.Text.Json.JsonSerializerOptions { WriteIndented = true };
        File.WriteAllText(Path.Combine(folder, ModelConfig.FileName), Config.ToJson().ToJsonString(indented));
        var generation = GenerationConfig?.DeepClone() as JsonObject ?? Config.WriteTokenIds(new JsonObject());
        File.WriteAllText(Path.Combine(folder, GenerationConfigFile), generation.ToJsonString(indented));
        if (_tokenizerJson is not null)
        {
            File.WriteAllText(Path.Combine(folder, TextTokenizer.FileName), _tokenizerJson.ToJsonString());
            return;
        }

        foreach (var name in TokenizerFiles)
        {
            var source = Path.Combine(_sourceFolder!, name);
            var target = Path.Combine(folder, name);
            if (File.Exists(source) && !string.Equals(Path.GetFullPath(source), Path.GetFullPath(target), StringComparison.Ordinal))
                File.Copy(source, target, overwrite: true);
        }
    }
}
