using System.Text.Json;
using AbsoluteZero.Evaluation.MathGrading;

namespace AbsoluteZero.Evaluation.Benchmarks.MathSets;

/// <summary>Typed access to one JSON row of a benchmark file; every failure names the file, line and field.</summary>
internal sealed class MathRow(JsonElement row, string file, int line)
{
    public string File { get; } = file;
    public int Line { get; } = line;

    public BenchmarkDataException Error(string problem) => new(File, Line, problem);

    public string String(string field)
    {
        var value = Field(field);
        return value.ValueKind == JsonValueKind.String
            ? value.GetString()!
            : throw Error($"field '{field}' must be a string, found {Describe(value)}");
    }

    public string? OptionalString(string field) =>
        row.TryGetProperty(field, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    /// <summary>An id stored as a number or a string.</summary>
    public string Identifier(string field)
    {
        var value = Field(field);
        return value.ValueKind switch
        {
            JsonValueKind.Number or JsonValueKind.String => Scalar(value),
            _ => throw Error($"field '{field}' must be a number or a string, found {Describe(value)}"),
        };
    }

    /// <summary>A reference answer stored as a string or a number (AMC 2023 stores 27.0).</summary>
    public string Answer(string field)
    {
        var value = Field(field);
        return value.ValueKind switch
        {
            JsonValueKind.Number or JsonValueKind.String when Scalar(value).Trim().Length > 0 => Scalar(value),
            _ => throw Error($"field '{field}' must be a non-empty string or number, found {Describe(value)}"),
        };
    }

    public IReadOnlyList<string> StringList(string field)
    {
        var value = Field(field);
        if (value.ValueKind != JsonValueKind.Array || value.GetArrayLength() == 0)
            throw Error($"field '{field}' must be a non-empty list of strings, found {Describe(value)}");
        return value.EnumerateArray()
            .Select((item, i) => item.ValueKind == JsonValueKind.String ? item.GetString()! : throw Error($"item {i} of '{field}' must be a string"))
            .ToList();
    }

    public bool Boolean(string field)
    {
        var value = Field(field);
        return value.ValueKind is JsonValueKind.True or JsonValueKind.False
            ? value.GetBoolean()
            : throw Error($"field '{field}' must be true or false, found {Describe(value)}");
    }

    public int? OptionalInt(string field) =>
        row.TryGetProperty(field, out var value) && value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out var n) ? n : null;

    public string? OptionalJoinedStrings(string field) =>
        row.TryGetProperty(field, out var value) && value.ValueKind == JsonValueKind.Array
            ? string.Join("\n\n", value.EnumerateArray().Where(v => v.ValueKind == JsonValueKind.String).Select(v => v.GetString()))
            : OptionalString(field);

    private JsonElement Field(string field) =>
        row.TryGetProperty(field, out var value) ? value : throw Error($"missing field '{field}'");

    private static string Scalar(JsonElement value) => ReferenceAnswers.ScalarText(value);

    private static string Describe(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Null => "null",
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        JsonValueKind.Array => "a list",
        JsonValueKind.Object => "an object",
        _ => "a boolean",
    };
}
