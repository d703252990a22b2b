using AbsoluteZero.Evaluation.Benchmarks.MathSets;

namespace AbsoluteZero.Evaluation.Benchmarks.CodeSets;

/// <summary>Typed access to one row of a code benchmark file; every failure names the file, line and field.</summary>
internal sealed class CodeRow(PyJsonValue row, string file, int line)
{
    public string File { get; } = file;

    public int Line { get; } = line;

    public BenchmarkDataException Error(string problem) => new(File, Line, problem);

    public PyJsonValue Field(string field) => row[field] ?? throw Error($"missing field '{field}'");

    public string String(string field)
    {
        var value = Field(field);
        return value.Kind == PyJsonKind.String ? value.Text : throw Error($"field '{field}' must be a string, found {Describe(value)}");
    }

    /// <summary>An id stored as a number (MBPP's 2) or a string (HumanEval's "HumanEval/0").</summary>
    public string Identifier(string field)
    {
        var value = Field(field);
        return value.Kind switch
        {
            PyJsonKind.String when value.Text.Length > 0 => value.Text,
            PyJsonKind.Number when value.IsInteger => value.Text,
            _ => throw Error($"field '{field}' must be a non-empty string or an integer, found {Describe(value)}"),
        };
    }

    public IReadOnlyList<PyJsonValue> List(string field)
    {
        var value = Field(field);
        return value.Kind == PyJsonKind.Array ? value.Items : throw Error($"field '{field}' must be a list, found {Describe(value)}");
    }

    public IReadOnlyList<string> StringList(string field) =>
        List(field).Select((item, i) => item.Kind == PyJsonKind.String ? item.Text : throw Error($"item {i} of '{field}' must be a string, found {Describe(item)}")).ToList();

    public static string Describe(PyJsonValue value) => value.Kind switch
    {
        PyJsonKind.Object => "an object",
        PyJsonKind.Array => "a list",
        PyJsonKind.String => "a string",
        PyJsonKind.Null => "null",
        PyJsonKind.True or PyJsonKind.False => "a boolean",
        _ => "a number",
    };
}
