using System.Text.Json;
using AbsoluteZero.Core.Configuration;
using AbsoluteZero.Core.Json;

namespace AbsoluteZero.Training.Checkpoints;

/// <summary>
/// What a checkpoint holds beyond the policy, the buffers and the sampler streams: the last finished step and the
/// run's configuration and preset. Written last, so a folder without it is not a complete checkpoint.
/// </summary>
public sealed record TrainerState(int Step, string? Preset, RunConfig Config)
{
    public const string FileName = "trainer_state.json";

    /// <summary>Bumped when the checkpoint layout changes in a way older readers cannot follow.</summary>
    public int Format { get; init; } = 1;

    public void Write(string checkpoint) =>
        File.WriteAllText(Path.Combine(checkpoint, FileName), JsonSerializer.Serialize(this, AzrJson.Indented));

    public static bool ExistsIn(string checkpoint) => File.Exists(Path.Combine(checkpoint, FileName));

    public static TrainerState Read(string checkpoint)
    {
        var path = Path.Combine(checkpoint, FileName);
        try
        {
            var state = JsonSerializer.Deserialize<TrainerState>(File.ReadAllText(path), AzrJson.Options) ?? throw new FormatException("the file is empty");
            return state.Format == 1 ? state : throw new FormatException($"checkpoint format {state.Format} is not supported (expected 1)");
        }
        catch (JsonException e)
        {
            throw new FormatException($"{path}: {e.Message}", e);
        }
    }
}
