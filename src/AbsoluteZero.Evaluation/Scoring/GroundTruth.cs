using System.Text.Json;
using AbsoluteZero.Evaluation.Benchmarks.CodeSets;
using AbsoluteZero.Evaluation.Harness;

namespace AbsoluteZero.Evaluation.Scoring;

/// <summary>
/// The canonical solution on one input: its time, the size of its pickled output, the output's digest, and whether
/// the output is a float or a non-empty list/tuple of floats (EvalPlus then compares this and every later input of
/// the check within at least 1e-6).
/// </summary>
public readonly record struct ReferenceCase(double Seconds, long Bytes, string Digest, bool Floats);

/// <summary>
/// What running every canonical solution on every input gave, per task and split. Expected outputs themselves are
/// recomputed inside each scoring request (HumanEval+'s outputs alone are ~300 MB as repr), and checked against these
/// digests; the times set the per-input limits.
/// </summary>
public sealed class GroundTruth(string benchmark, string dataSha256, string harnessSha256, IReadOnlyDictionary<string, GroundTruth.TaskCases> tasks)
{
    public sealed record TaskCases(IReadOnlyList<ReferenceCase> Base, IReadOnlyList<ReferenceCase> Plus)
    {
        public IReadOnlyList<ReferenceCase> Of(EvalPlusSplit split) => split == EvalPlusSplit.Base ? Base : Plus;
    }

    public string Benchmark { get; } = benchmark;

    public string DataSha256 { get; } = dataSha256;

    public string HarnessSha256 { get; } = harnessSha256;

    public IReadOnlyDictionary<string, TaskCases> Tasks { get; } = tasks;

    /// <summary>The cache file for a benchmark's data and the current harness.</summary>
    public static string PathFor(string cacheDirectory, EvalPlusBenchmark benchmark) =>
        Path.Combine(cacheDirectory, $"{benchmark.Name}-{benchmark.DataSha256[..16]}-{CodeHarness.Sha256[..12]}.json");

    /// <summary>Whether this ground truth was computed from exactly these tasks (same data, same harness, same shape).</summary>
    public bool Fits(EvalPlusBenchmark benchmark) =>
        Benchmark == benchmark.Name && DataSha256 == benchmark.DataSha256 && HarnessSha256 == CodeHarness.Sha256
        && benchmark.Tasks.All(task => Tasks.TryGetValue(task.TaskId, out var cases)
                                      && cases.Base.Count == task.BaseInputs.Count && cases.Plus.Count == task.PlusCheckInputs.Count);

    public void Save(string file)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(file))!);
        var temporary = $"{file}.{Environment.ProcessId}.tmp";
        using (var stream = File.Create(temporary))
        using (var writer = new Utf8JsonWriter(stream))
        {
            writer.WriteStartObject();
            writer.WriteString("benchmark", Benchmark);
            writer.WriteString("data_sha256", DataSha256);
            writer.WriteString("harness_sha256", HarnessSha256);
            writer.WriteStartObject("tasks");
            foreach (var (taskId, cases) in Tasks)
            {
                writer.WriteStartObject(taskId);
                WriteCases(writer, "base", cases.Base);
                WriteCases(writer, "plus", cases.Plus);
                writer.WriteEndObject();
            }

            writer.WriteEndObject();
            writer.WriteEndObject();
        }

        File.Move(temporary, file, overwrite: true);
    }

    /// <summary>The cached ground truth, or null when there is none or it cannot be read (it is then rebuilt).</summary>
    public static GroundTruth? TryLoad(string file)
    {
        if (!File.Exists(file))
            return null;
        try
        {
            using var document = JsonDocument.Parse(File.ReadAllBytes(file));
            var root = document.RootElement;
            var tasks = new Dictionary<string, TaskCases>();
            foreach (var task in root.GetProperty("tasks").EnumerateObject())
                tasks[task.Name] = new TaskCases(ReadCases(task.Value.GetProperty("base")), ReadCases(task.Value.GetProperty("plus")));
            return new GroundTruth(root.GetProperty("benchmark").GetString()!, root.GetProperty("data_sha256").GetString()!,
                root.GetProperty("harness_sha256").GetString()!, tasks);
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException or FormatException)
        {
            return null;
        }
    }

    private static void WriteCases(Utf8JsonWriter writer, string name, IReadOnlyList<ReferenceCase> cases)
    {
        writer.WriteStartArray(name);
        foreach (var c in cases)
        {
            writer.WriteStartArray();
            writer.WriteNumberValue(c.Seconds);
            writer.WriteNumberValue(c.Bytes);
            writer.WriteStringValue(c.Digest);
            writer.WriteNumberValue(c.Floats ? 1 : 0);
            writer.WriteEndArray();
        }

        writer.WriteEndArray();
    }

    private static List<ReferenceCase> ReadCases(JsonElement cases) =>
        cases.EnumerateArray().Select(Case).ToList();

    /// <summary>One case as the harness reports it and the cache stores it: <c>[seconds, bytes, digest, floats]</c>.</summary>
    internal static ReferenceCase Case(JsonElement c) => new(c[0].GetDouble(), c[1].GetInt64(), c[2].GetString()!, c[3].GetInt32() != 0);
}
