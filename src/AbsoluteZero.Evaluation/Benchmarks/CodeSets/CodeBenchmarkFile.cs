using System.IO.Compression;
using AbsoluteZero.Evaluation.Benchmarks.MathSets;

namespace AbsoluteZero.Evaluation.Benchmarks.CodeSets;

/// <summary>Reads the rows of a code benchmark file (JSON lines, gzipped or not, or one JSON list) with their lines.</summary>
internal static class CodeBenchmarkFile
{
    /// <summary>The file's rows; a missing file, a line that is not JSON or a row that is not an object names file and line.</summary>
    public static IReadOnlyList<CodeRow> Rows(string file)
    {
        if (!File.Exists(file))
            throw new BenchmarkDataException(file, 0, "the data file does not exist");
        var rows = file.EndsWith(".json", StringComparison.Ordinal) ? ListRows(file) : LineRows(file);
        return rows.Count > 0 ? rows : throw new BenchmarkDataException(file, 0, "the file has no rows");
    }

    public static void EnsureUnique(string file, IEnumerable<string> taskIds)
    {
        var duplicate = taskIds.GroupBy(id => id).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
            throw new BenchmarkDataException(file, 0, $"task '{duplicate.Key}' appears {duplicate.Count()} times");
    }

    private static List<CodeRow> LineRows(string file)
    {
        using var stream = File.OpenRead(file);
        using var decoded = file.EndsWith(".gz", StringComparison.Ordinal) ? new GZipStream(stream, CompressionMode.Decompress) : (Stream)stream;
        using var reader = new StreamReader(decoded);
        var rows = new List<CodeRow>();
        var lineNumber = 0;
        try
        {
            while (reader.ReadLine() is { } line)
            {
                lineNumber++;
                if (line.Trim().Length > 0)
                    rows.Add(new CodeRow(Object(Parse(line, file, lineNumber), file, lineNumber), file, lineNumber));
            }
        }
        catch (InvalidDataException e)
        {
            throw new BenchmarkDataException(file, lineNumber, $"cannot decompress the file ({e.Message})");
        }

        return rows;
    }

    private static List<CodeRow> ListRows(string file)
    {
        var list = Parse(File.ReadAllText(file), file, 0);
        if (list.Kind != PyJsonKind.Array)
            throw new BenchmarkDataException(file, 1, "the file must hold one JSON list of rows");
        return list.Items.Select(item => new CodeRow(Object(item, file, item.Line), file, item.Line)).ToList();
    }

    private static PyJsonValue Parse(string text, string file, int line)
    {
        try
        {
            return PyJson.Parse(text);
        }
        catch (PyJsonException e)
        {
            var where = line > 0 ? line : text[..Math.Min(e.Offset, text.Length)].Count(c => c == '\n') + 1;
            throw new BenchmarkDataException(file, where, $"not valid JSON ({e.Message})");
        }
    }

    private static PyJsonValue Object(PyJsonValue row, string file, int line) =>
        row.Kind == PyJsonKind.Object ? row : throw new BenchmarkDataException(file, line, $"a row must be a JSON object, found {CodeRow.Describe(row)}");
}
