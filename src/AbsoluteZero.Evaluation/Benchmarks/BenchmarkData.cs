using System.Security.Cryptography;
using System.Text.Json.Nodes;
using AbsoluteZero.Core.Configuration;
using AbsoluteZero.Core.Json;
using AbsoluteZero.Evaluation.Benchmarks.CodeSets;
using AbsoluteZero.Evaluation.Benchmarks.MathSets;

namespace AbsoluteZero.Evaluation.Benchmarks;

/// <summary>One benchmark file as installed in a data directory, as recorded in its manifest.</summary>
/// <param name="MatchesOfficial">Whether the checksum is the catalog's pinned one (null where none is pinned).</param>
public sealed record InstalledFile(string Benchmark, string Path, string Sha256, long Bytes, string Source, int Tasks, bool? MatchesOfficial);

/// <summary>
/// A data directory laid out like <c>../shared/benchmarks</c>, and its <c>manifest.json</c>: for each benchmark the file,
/// its SHA-256, size, task count and where it came from, written by <c>azr benchmarks import</c> and <c>fetch</c>.
/// </summary>
public static class BenchmarkData
{
    public const string ManifestName = "manifest.json";

    private static readonly Lock ManifestLock = new();

    /// <summary>The SHA-256 of a file's bytes, lower-case hex: recorded in the manifest, and the key of every cache built from it.</summary>
    public static string Sha256(string file)
    {
        using var stream = File.OpenRead(file);
        return Convert.ToHexStringLower(SHA256.HashData(stream));
    }

    /// <summary>How many tasks the benchmark's file holds; loading it proves every row is readable.</summary>
    /// <exception cref="BenchmarkDataException">Missing or malformed (file and line named).</exception>
    public static int CountTasks(string name, string dataDirectory) => name switch
    {
        BenchmarkNames.HumanEvalPlus or BenchmarkNames.MbppPlus => EvalPlusLoader.Load(dataDirectory, name).Tasks.Count,
        BenchmarkNames.HumanEval or BenchmarkNames.MbppSanitized => AssertBenchmarkLoader.Load(dataDirectory, name).Tasks.Count,
        BenchmarkNames.LiveCodeBench => LiveCodeBenchLoader.Load(dataDirectory).Problems.Count,
        _ => MathBenchmarkLoader.Load(dataDirectory, BenchmarkCatalog.Get(name).Name).Count,
    };

    /// <summary>Checksums and loads an installed file and records it in the directory's manifest.</summary>
    public static InstalledFile Record(string dataDirectory, BenchmarkInfo benchmark, string source)
    {
        var file = BenchmarkCatalog.PathOf(dataDirectory, benchmark);
        var sha = Sha256(file);
        var installed = new InstalledFile(benchmark.Name, benchmark.File.Path, sha, new FileInfo(file).Length, source,
            CountTasks(benchmark.Name, dataDirectory), benchmark.File.Sha256 is { } official ? official == sha : null);
        var manifestPath = Path.Combine(dataDirectory, ManifestName);
        lock (ManifestLock)
        {
            var manifest = File.Exists(manifestPath) ? JsonNode.Parse(File.ReadAllText(manifestPath)) as JsonObject ?? [] : [];
            var entries = manifest["benchmarks"] as JsonObject ?? [];
            manifest["benchmarks"] = entries;
            entries[benchmark.Name] = new JsonObject
            {
                ["path"] = installed.Path,
                ["sha256"] = installed.Sha256,
                ["bytes"] = installed.Bytes,
                ["tasks"] = installed.Tasks,
                ["source"] = installed.Source,
                ["matches_official"] = installed.MatchesOfficial,
                ["recorded_at"] = DateTimeOffset.UtcNow.ToString("O"),
            };
            File.WriteAllText(manifestPath, manifest.ToJsonString(AzrJson.Indented));
        }

        return installed;
    }
}
