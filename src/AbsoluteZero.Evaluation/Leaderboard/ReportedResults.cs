using System.Text.Json;
using AbsoluteZero.Core.Configuration;

namespace AbsoluteZero.Evaluation.Leaderboard;

/// <summary>One row of the paper's table, scores in percent under our benchmark names.</summary>
/// <param name="Kind">The file's model kind: <c>base</c>, <c>instruct</c>, <c>rl</c>, <c>azr</c>.</param>
/// <param name="CuratedExamples">The curated training examples the paper lists (<c>22k</c>), null for none.</param>
public sealed record ReportedRow(string Model, string Kind, string Source, string? CuratedExamples, IReadOnlyDictionary<string, double> Scores);

/// <summary>
/// The paper's reported scores (<c>azr-paper-results.json</c>: arXiv 2505.03335, Tables 1 and 5; greedy pass@1 in
/// percent). The assembly carries a verbatim copy of <c>../shared/reference/azr-paper-results.json</c>; a server may
/// read another file instead (<c>Leaderboard:ReportedResults</c>). The file's benchmark keys are renamed to ours.
/// </summary>
public static class ReportedResults
{
    public const string ResourceName = "AbsoluteZero.Evaluation.azr-paper-results.json";

    /// <summary>The file's benchmark keys → our benchmark names.</summary>
    public static readonly IReadOnlyDictionary<string, string> PaperBenchmarkNames = new Dictionary<string, string>
    {
        ["humaneval_plus"] = BenchmarkNames.HumanEvalPlus,
        ["mbpp_plus"] = BenchmarkNames.MbppPlus,
        ["livecodebench_v1_5"] = BenchmarkNames.LiveCodeBench,
        ["aime2024"] = BenchmarkNames.Aime2024,
        ["aime2025"] = BenchmarkNames.Aime2025,
        ["amc2023"] = BenchmarkNames.Amc2023,
        ["math500"] = BenchmarkNames.Math500,
        ["minerva_math"] = BenchmarkNames.MinervaMath,
        ["olympiadbench"] = BenchmarkNames.OlympiadBench,
    };

    /// <summary>The copy carried by this assembly.</summary>
    public static IReadOnlyList<ReportedRow> Embedded()
    {
        using var stream = typeof(ReportedResults).Assembly.GetManifestResourceStream(ResourceName)
                           ?? throw new InvalidOperationException($"the assembly lacks its resource {ResourceName}");
        return Read(stream, "the built-in azr-paper-results.json");
    }

    /// <exception cref="InvalidDataException">The file is not in the expected shape; the message names the file and row.</exception>
    public static IReadOnlyList<ReportedRow> Load(string path)
    {
        using var stream = File.OpenRead(path);
        return Read(stream, path);
    }

    public static IReadOnlyList<ReportedRow> Read(Stream json, string source)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json);
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"{source}: not valid JSON ({e.Message})", e);
        }

        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Object || !document.RootElement.TryGetProperty("rows", out var rows) || rows.ValueKind != JsonValueKind.Array)
                throw new InvalidDataException($"{source}: expected an object with a 'rows' array");
            return rows.EnumerateArray().Select((row, i) => Row(row, $"{source}: rows[{i}]")).ToList();
        }
    }

    private static ReportedRow Row(JsonElement row, string where)
    {
        if (row.ValueKind != JsonValueKind.Object)
            throw new InvalidDataException($"{where}: must be an object");
        var model = Text(row, "model", where) ?? throw new InvalidDataException($"{where}: 'model' is missing");
        where = $"{where} ({model})";
        if (!row.TryGetProperty("scores", out var scores) || scores.ValueKind != JsonValueKind.Object)
            throw new InvalidDataException($"{where}: 'scores' must be an object");
        var byName = new Dictionary<string, double>();
        foreach (var score in scores.EnumerateObject())
        {
            if (!PaperBenchmarkNames.TryGetValue(score.Name, out var name))
                throw new InvalidDataException($"{where}: unknown benchmark '{score.Name}'; expected one of {string.Join(", ", PaperBenchmarkNames.Keys)}");
            if (score.Value.ValueKind != JsonValueKind.Number || !score.Value.TryGetDouble(out var value) || value is < 0 or > 100)
                throw new InvalidDataException($"{where}: '{score.Name}' must be a percentage between 0 and 100");
            byName[name] = value;
        }

        return new ReportedRow(model, Text(row, "kind", where) ?? "", Text(row, "source", where) ?? "", Text(row, "curated_training_examples", where), byName);
    }

    private static string? Text(JsonElement row, string field, string where) =>
        !row.TryGetProperty(field, out var value) || value.ValueKind == JsonValueKind.Null
            ? null
            : value.ValueKind == JsonValueKind.String ? value.GetString() : throw new InvalidDataException($"{where}: '{field}' must be a string");
}
