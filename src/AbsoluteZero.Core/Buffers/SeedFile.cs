using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using AbsoluteZero.Core.Json;
using AbsoluteZero.Core.Tasks;

namespace AbsoluteZero.Core.Buffers;

/// <summary>A seed file row that could not be read, with the file and line it came from.</summary>
public sealed class SeedFileException(string message) : Exception(message);

/// <summary>
/// The reference's seed JSONL files (<c>data/*_seed_io.jsonl</c>, <c>data/*_code_f_seed_io.jsonl</c>; AZR.md §5.1).
/// Deduction/abduction rows: <c>snippet</c>, <c>original_snippet</c>, <c>input</c>, <c>output</c>, <c>imports</c>,
/// <c>composite_functions</c>; induction rows: <c>snippet</c>, <c>inputs</c>, <c>outputs</c>, <c>message</c>,
/// <c>imports</c>. Extra keys the reference also wrote (<c>_input_type</c>, <c>thought</c>, …) are accepted and ignored.
/// </summary>
public static class SeedFile
{
    public static IReadOnlyList<Triplet> ReadTriplets(string path) => ReadRows(path, ToTriplet);

    public static IReadOnlyList<InductionTask> ReadInductionTasks(string path) => ReadRows(path, ToInductionTask);

    public static void WriteTriplets(string path, IEnumerable<Triplet> triplets) =>
        WriteRows(path, triplets.Select(TripletRow));

    public static void WriteInductionTasks(string path, IEnumerable<InductionTask> tasks) =>
        WriteRows(path, tasks.Select(InductionRow));

    /// <summary>The row a triplet is written as; also the identity used for exact-duplicate removal while seeding.</summary>
    public static JsonObject TripletRow(Triplet t) => new()
    {
        ["snippet"] = t.Program,
        ["original_snippet"] = t.OriginalProgram ?? t.Program,
        ["input"] = t.Input,
        ["output"] = t.Output,
        ["imports"] = new JsonArray(t.Imports.Select(i => (JsonNode?)i).ToArray()),
        ["composite_functions"] = new JsonArray(),
    };

    public static JsonObject InductionRow(InductionTask t) => new()
    {
        ["snippet"] = t.Program,
        ["inputs"] = new JsonArray(t.Inputs.Select(i => (JsonNode?)i).ToArray()),
        ["outputs"] = new JsonArray(t.Outputs.Select(o => (JsonNode?)o).ToArray()),
        ["message"] = t.Message,
        ["imports"] = new JsonArray(t.Imports.Select(i => (JsonNode?)i).ToArray()),
    };

    /// <summary>A triplet from one row; <see cref="FormatException"/> names the field that is wrong.</summary>
    public static Triplet ToTriplet(JsonObject row)
    {
        if (row["composite_functions"] is JsonArray { Count: > 0 })
            throw new FormatException("composite_functions is not empty; composite-function tasks are not supported");
        var program = Text(row, "snippet");
        return new Triplet(program, Text(row, "input"), Text(row, "output"))
        {
            Imports = Strings(row, "imports", optional: true),
            OriginalProgram = row.ContainsKey("original_snippet") ? Text(row, "original_snippet") : program,
        };
    }

    /// <summary>An induction task from one row; <see cref="FormatException"/> names the field that is wrong.</summary>
    public static InductionTask ToInductionTask(JsonObject row)
    {
        var inputs = Strings(row, "inputs", optional: false);
        var outputs = Strings(row, "outputs", optional: false);
        if (inputs.Count != outputs.Count)
            throw new FormatException($"'inputs' has {inputs.Count} entries but 'outputs' has {outputs.Count}");
        if (inputs.Count < 2)
            throw new FormatException($"an induction task needs at least 2 input/output pairs (one shown, one hidden), got {inputs.Count}");
        return new InductionTask(Text(row, "snippet"), inputs, outputs, Text(row, "message"))
        {
            Imports = Strings(row, "imports", optional: true),
        };
    }

    /// <summary>
    /// Every non-blank line of a JSONL file as an object, converted; a line that is not an object, or that
    /// <paramref name="convert"/> refuses with a <see cref="FormatException"/>, is an error naming the file and line.
    /// </summary>
    public static IReadOnlyList<T> ReadRows<T>(string path, Func<JsonObject, T> convert)
    {
        var rows = new List<T>();
        var lineNumber = 0;
        foreach (var line in File.ReadLines(path, Encoding.UTF8))
        {
            lineNumber++;
            if (string.IsNullOrWhiteSpace(line))
                continue;
            try
            {
                var row = JsonNode.Parse(line) as JsonObject ?? throw new FormatException("the line is not a JSON object");
                rows.Add(convert(row));
            }
            catch (Exception e) when (e is JsonException or FormatException or InvalidOperationException)
            {
                throw new SeedFileException($"{path}:{lineNumber}: {e.Message}");
            }
        }

        return rows;
    }

    /// <summary>One compact JSON object per line, UTF-8 without a byte-order mark.</summary>
    public static void WriteRows(string path, IEnumerable<JsonObject> rows)
    {
        using var writer = new StreamWriter(path, append: false, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
        foreach (var row in rows)
            writer.Write(row.ToJsonString(AzrJson.Options) + "\n");
    }

    private static string Text(JsonObject row, string key) =>
        row[key] is JsonValue v && v.TryGetValue<string>(out var s)
            ? s
            : throw new FormatException($"'{key}' must be a string");

    private static IReadOnlyList<string> Strings(JsonObject row, string key, bool optional)
    {
        if (row[key] is null)
            return optional ? [] : throw new FormatException($"'{key}' is missing");
        if (row[key] is not JsonArray array)
            throw new FormatException($"'{key}' must be a list of strings");
        return array.Select((n, i) => n is JsonValue v && v.TryGetValue<string>(out var s)
            ? s
            : throw new FormatException($"'{key}'[{i}] must be a string")).ToList();
    }
}
