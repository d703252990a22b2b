using System.Text.Json;
using AbsoluteZero.Core.Json;

namespace AbsoluteZero.Model.Checkpoints;

/// <summary>
/// What a checkpoint holds beyond the Hugging Face files so a run resumes exactly: the optimizer's step count (its
/// moments are in optimizer.safetensors) and the sampling generator's state.
/// </summary>
public sealed record PolicyState(long OptimizerSteps, string GeneratorState, long Seed)
{
    public const string FileName = "policy_state.json";

    public static bool ExistsIn(string folder) => File.Exists(Path.Combine(folder, FileName));

    public void Write(string folder) =>
        File.WriteAllText(Path.Combine(folder, FileName), JsonSerializer.Serialize(this, AzrJson.Indented));

    public static PolicyState Read(string folder)
    {
        var path = Path.Combine(folder, FileName);
        try
        {
            return JsonSerializer.Deserialize<PolicyState>(File.ReadAllText(path), AzrJson.Options)
                ?? throw new FormatException("empty file");
        }
        catch (Exception e) when (e is JsonException or FormatException or NotSupportedException)
        {
            throw new FormatException($"{path}: {e.Message}", e);
        }
    }
}
