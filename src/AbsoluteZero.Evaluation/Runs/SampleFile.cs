using System.Text.Json;

namespace AbsoluteZero.Evaluation.Runs;

/// <summary>Which field of a sample line carries the model's text.</summary>
public enum SampleField
{
    /// <summary><c>solution</c>: a whole program (EvalPlus).</summary>
    Solution,

    /// <summary><c>completion</c>: appended to the task's prompt where the prompt is code (HumanEval, HumanEval+, MBPP+).</summary>
    Completion,

    /// <summary><c>response</c>: a math answer in the model's words.</summary>
    Response,
}

/// <summary>
/// One non-blank line of a samples file: a usable sample, or the reason it is not one. Nothing is dropped silently;
/// an unusable line is reported in the results with its line number.
/// </summary>
public sealed record SampleLine(int Line, string? TaskId, SampleField? Field, string? Text, string? Error)
{
    public bool IsValid => Error is null;

    public SampleLine Invalid(string error) => this with { Error = error };
}

/// <summary>
/// Reads samples: JSON lines <c>{"task_id", "solution"}</c> or <c>{"task_id", "completion"}</c> for code benchmarks
/// (EvalPlus's format; <c>solution</c> wins when both are present, as in EvalPlus), <c>{"task_id", "response"}</c>
/// for math. A task id may be a string or an integer.
/// </summary>
public static class SampleFile
{
    public static IReadOnlyList<SampleLine> Read(string path, bool math)
    {
        var lines = new List<SampleLine>();
        var number = 0;
        foreach (var text in File.ReadLines(path))
        {
            number++;
            if (text.Trim().Length > 0)
                lines.Add(Parse(text, number, math));
        }

        return lines;
    }

    public static SampleLine Parse(string text, int line, bool math)
    {
        var invalid = new SampleLine(line, null, null, null, null);
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(text);
        }
        catch (JsonException e)
        {
            return invalid.Invalid($"line {line}: not valid JSON ({e.Message})");
        }

        using (document)
        {
            var row = document.RootElement;
            if (row.ValueKind != JsonValueKind.Object)
                return invalid.Invalid($"line {line}: a sample must be a JSON object");
            if (!row.TryGetProperty("task_id", out var id))
                return invalid.Invalid($"line {line}: missing field 'task_id'");
            var taskId = id.ValueKind switch
            {
                JsonValueKind.String when id.GetString() is { Length: > 0 } s => s,
                JsonValueKind.Number when id.TryGetInt64(out var n) => n.ToString(System.Globalization.CultureInfo.InvariantCulture),
                _ => null,
            };
            if (taskId is null)
                return invalid.Invalid($"line {line}: field 'task_id' must be a non-empty string or an integer");
            var sample = invalid with { TaskId = taskId };
            string[] fields = math ? ["response"] : ["solution", "completion"];
            foreach (var field in fields)
            {
                if (!row.TryGetProperty(field, out var value))
                    continue;
                return value.ValueKind == JsonValueKind.String
                    ? sample with { Field = Enum.Parse<SampleField>(field, ignoreCase: true), Text = value.GetString() }
                    : sample.Invalid($"line {line}: field '{field}' must be a string");
            }

            return sample.Invalid(math
                ? $"line {line}: missing field 'response'"
                : $"line {line}: missing field 'solution' or 'completion'");
        }
    }
}
