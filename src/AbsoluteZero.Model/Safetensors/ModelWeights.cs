using System.Text.Json;
using System.Text.Json.Nodes;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace AbsoluteZero.Model.Safetensors;

/// <summary>
/// Loads and saves a module's parameters as a Hugging Face checkpoint: <c>model.safetensors</c>, or shards listed in
/// <c>model.safetensors.index.json</c>. Loading is strict (every parameter must be present with its shape) and
/// streams one tensor at a time, converting dtype (BF16/F16 files into f32 models and back) and device on the copy.
/// </summary>
public static class ModelWeights
{
    public const string SingleFile = "model.safetensors";
    public const string IndexFile = "model.safetensors.index.json";

    /// <summary>Hugging Face's default shard size.</summary>
    public const long DefaultShardBytes = 5L * 1024 * 1024 * 1024;

    /// <param name="ignored">Checkpoint keys that may be present without a matching parameter (a tied model's lm_head.weight).</param>
    public static void Load(nn.Module module, string folder, IReadOnlySet<string>? ignored = null)
    {
        var parameters = module.named_parameters().ToDictionary(p => p.name, p => p.parameter);
        var files = TensorFiles(folder);
        var missing = parameters.Keys.Except(files.Keys).ToList();
        if (missing.Count > 0)
            throw new InvalidDataException($"{folder}: checkpoint lacks {missing.Count} tensor(s): {string.Join(", ", missing.Take(5))}{(missing.Count > 5 ? ", …" : "")}");
        var unexpected = files.Keys.Except(parameters.Keys).Where(k => ignored?.Contains(k) != true).ToList();
        if (unexpected.Count > 0)
            throw new InvalidDataException($"{folder}: checkpoint has {unexpected.Count} tensor(s) the model does not: {string.Join(", ", unexpected.Take(5))}");

        using var _ = no_grad();
        foreach (var group in parameters.GroupBy(p => files[p.Key]))
        {
            using var file = SafetensorsFile.Open(Path.Combine(folder, group.Key));
            foreach (var (name, parameter) in group)
            {
                var entry = file.Entries[name];
                if (!entry.Shape.SequenceEqual(parameter.shape))
                    throw new InvalidDataException($"{file.Path}: '{name}' has shape [{string.Join(", ", entry.Shape)}], the model expects [{string.Join(", ", parameter.shape)}]");
                using var source = file.Read(name);
                parameter.copy_(source);
            }
        }
    }

    /// <summary>Writes the module's parameters in their current dtype, sharded past <paramref name="maxShardBytes"/>.</summary>
    public static void Save(nn.Module module, string folder, long maxShardBytes = DefaultShardBytes) =>
        Save(module.named_parameters().Select(p => (p.name, (Tensor)p.parameter)).ToList(), folder, maxShardBytes);

    public static void Save(IReadOnlyList<(string Name, Tensor Tensor)> tensors, string folder, long maxShardBytes = DefaultShardBytes)
    {
        Directory.CreateDirectory(folder);
        var shards = new List<List<(string Name, Tensor Tensor)>> { new() };
        long shardBytes = 0, totalBytes = 0;
        foreach (var item in tensors)
        {
            var bytes = item.Tensor.numel() * item.Tensor.ElementSize;
            if (shards[^1].Count > 0 && shardBytes + bytes > maxShardBytes)
            {
                shards.Add([]);
                shardBytes = 0;
            }

            shards[^1].Add(item);
            shardBytes += bytes;
            totalBytes += bytes;
        }

        var metadata = new Dictionary<string, string> { ["format"] = "pt" };
        // Stale weights from an earlier save with another layout would otherwise be picked up on load.
        foreach (var old in Directory.EnumerateFiles(folder, "model*.safetensors*"))
            File.Delete(old);
        if (shards.Count == 1)
        {
            SafetensorsWriter.Write(Path.Combine(folder, SingleFile), shards[0], metadata);
            return;
        }

        var weightMap = new JsonObject();
        for (var i = 0; i < shards.Count; i++)
        {
            var name = $"model-{i + 1:D5}-of-{shards.Count:D5}.safetensors";
            SafetensorsWriter.Write(Path.Combine(folder, name), shards[i], metadata);
            foreach (var (tensorName, _) in shards[i])
                weightMap[tensorName] = name;
        }

        var index = new JsonObject { ["metadata"] = new JsonObject { ["total_size"] = totalBytes }, ["weight_map"] = weightMap };
        File.WriteAllText(Path.Combine(folder, IndexFile), index.ToJsonString(new JsonSerializerOptions { WriteIndented = true }));
    }

    /// <summary>Tensor name → file (relative to the folder) for a single-file or sharded checkpoint.</summary>
    public static IReadOnlyDictionary<string, string> TensorFiles(string folder)
    {
        var index = Path.Combine(folder, IndexFile);
        if (File.Exists(index))
        {
            using var document = JsonDocument.Parse(File.ReadAllText(index));
            if (!document.RootElement.TryGetProperty("weight_map", out var map))
                throw new InvalidDataException($"{index} has no weight_map");
            var files = map.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString()!, StringComparer.Ordinal);
            foreach (var file in files.Values.Distinct())
            {
                if (!File.Exists(Path.Combine(folder, file)))
                    throw new FileNotFoundException($"{index} lists {file}, which is not in {folder}");
            }

            return files;
        }

        var single = Path.Combine(folder, SingleFile);
        if (!File.Exists(single))
            throw new FileNotFoundException($"{folder} has neither {SingleFile} nor {IndexFile}");
        using var reader = SafetensorsFile.Open(single);
        return reader.Entries.Keys.ToDictionary(k => k, _ => SingleFile, StringComparer.Ordinal);
    }
}
