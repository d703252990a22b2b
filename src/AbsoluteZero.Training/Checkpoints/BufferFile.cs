using System.Text.Json.Nodes;
using AbsoluteZero.Core.Buffers;
using AbsoluteZero.Core.Configuration;
using AbsoluteZero.Core.Tasks;

namespace AbsoluteZero.Training.Checkpoints;

/// <summary>
/// The three buffers of a checkpoint, one JSONL file each, in the reference's seed format (<see cref="SeedFile"/>) plus
/// <c>step</c> (when the task entered the buffer) and <c>thought</c> (the proposer's reasoning, when there was one).
/// A buffer file is therefore also a valid seed file for a new run.
/// </summary>
public static class BufferFile
{
    public const string Folder = "buffers";

    public static void Write(string checkpoint, TaskBuffers buffers)
    {
        var folder = Path.Combine(checkpoint, Folder);
        Directory.CreateDirectory(folder);
        SeedFile.WriteRows(PathOf(checkpoint, TaskType.Abduction), buffers.Abduction.Entries.Select(e => Row(SeedFile.TripletRow(e.Task), e.Step, e.Thought)));
        SeedFile.WriteRows(PathOf(checkpoint, TaskType.Deduction), buffers.Deduction.Entries.Select(e => Row(SeedFile.TripletRow(e.Task), e.Step, e.Thought)));
        SeedFile.WriteRows(PathOf(checkpoint, TaskType.Induction), buffers.Induction.Entries.Select(e => Row(SeedFile.InductionRow(e.Task), e.Step, e.Thought)));
    }

    public static TaskBuffers Read(string checkpoint, SelfPlaySettings settings)
    {
        var buffers = new TaskBuffers(settings);
        buffers.Abduction.Add(SeedFile.ReadRows(PathOf(checkpoint, TaskType.Abduction), row => Entry(SeedFile.ToTriplet(row), row)));
        buffers.Deduction.Add(SeedFile.ReadRows(PathOf(checkpoint, TaskType.Deduction), row => Entry(SeedFile.ToTriplet(row), row)));
        buffers.Induction.Add(SeedFile.ReadRows(PathOf(checkpoint, TaskType.Induction), row => Entry(SeedFile.ToInductionTask(row), row)));
        return buffers;
    }

    public static string PathOf(string checkpoint, TaskType type) => Path.Combine(checkpoint, Folder, $"{type.JsonName()}.jsonl");

    private static JsonObject Row(JsonObject row, int step, string? thought)
    {
        row["step"] = step;
        if (thought is not null)
            row["thought"] = thought;
        return row;
    }

    private static BufferEntry<T> Entry<T>(T task, JsonObject row)
        where T : class
    {
        var step = row["step"] is JsonValue v && v.TryGetValue<int>(out var s) && s >= 0
            ? s
            : throw new FormatException("'step' must be a non-negative integer");
        var thought = row["thought"] switch
        {
            null => null,
            JsonValue t when t.TryGetValue<string>(out var text) => text,
            _ => throw new FormatException("'thought' must be a string"),
        };
        return new BufferEntry<T>(task, step) { Thought = thought };
    }
}
