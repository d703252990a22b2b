using System.Text.Json;
using AbsoluteZero.Core.Buffers;
using AbsoluteZero.Core.Json;

namespace AbsoluteZero.Training.Checkpoints;

/// <summary>Every sampler stream's state (<see cref="SamplerStreams.Save"/>), so a resumed run draws what the uninterrupted run would have.</summary>
public static class SamplerStateFile
{
    public const string FileName = "sampler_state.json";

    public static void Write(string checkpoint, SamplerStreams streams) =>
        File.WriteAllText(Path.Combine(checkpoint, FileName), JsonSerializer.Serialize(new SortedDictionary<string, RandomState>(streams.Save().ToDictionary(), StringComparer.Ordinal), AzrJson.Indented));

    public static SamplerStreams Read(string checkpoint, int seed)
    {
        var path = Path.Combine(checkpoint, FileName);
        try
        {
            var saved = JsonSerializer.Deserialize<Dictionary<string, RandomState>>(File.ReadAllText(path), AzrJson.Options) ?? throw new FormatException("the file is empty");
            return new SamplerStreams(seed, saved);
        }
        catch (Exception e) when (e is JsonException or ArgumentException)
        {
            throw new FormatException($"{path}: {e.Message}", e);
        }
    }
}
