namespace AbsoluteZero.Evaluation.Benchmarks;

/// <summary>What happened to one benchmark during an import or a fetch.</summary>
/// <param name="Absent">The source simply does not have this benchmark (an import of a partial copy).</param>
public sealed record BenchmarkTransfer(string Benchmark, InstalledFile? Installed, string? Problem, bool Absent = false);

/// <summary>
/// <c>azr benchmarks import</c>: copies a local copy laid out like the data directory (<c>&lt;from&gt;/&lt;name&gt;/&lt;file&gt;</c>,
/// with its SOURCE.md when present) into a data directory, checksums each file, checks that it loads and records it
/// in the manifest. Benchmarks absent from the source are reported, not failed.
/// </summary>
public static class BenchmarkImporter
{
    public static IReadOnlyList<BenchmarkTransfer> Import(string fromDirectory, string dataDirectory)
    {
        if (!Directory.Exists(fromDirectory))
            throw new DirectoryNotFoundException($"nothing to import: {fromDirectory} is not a directory");
        var same = Path.GetFullPath(fromDirectory) == Path.GetFullPath(dataDirectory);
        var results = new List<BenchmarkTransfer>();
        foreach (var benchmark in BenchmarkCatalog.All)
        {
            var source = BenchmarkCatalog.PathOf(fromDirectory, benchmark);
            if (!File.Exists(source))
            {
                results.Add(new BenchmarkTransfer(benchmark.Name, null, $"not in {fromDirectory} (expected {benchmark.File.Path})", Absent: true));
                continue;
            }

            try
            {
                if (!same)
                    Copy(source, BenchmarkCatalog.PathOf(dataDirectory, benchmark));
                results.Add(new BenchmarkTransfer(benchmark.Name, BenchmarkData.Record(dataDirectory, benchmark, Path.GetFullPath(source)), null));
            }
            catch (Exception e) when (e is MathSets.BenchmarkDataException or IOException or UnauthorizedAccessException)
            {
                results.Add(new BenchmarkTransfer(benchmark.Name, null, e.Message));
            }
        }

        return results;
    }

    private static void Copy(string source, string target)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        var temporary = target + ".importing";
        File.Copy(source, temporary, overwrite: true);
        File.Move(temporary, target, overwrite: true);
        var notes = Path.Combine(Path.GetDirectoryName(source)!, "SOURCE.md");
        if (File.Exists(notes))
            File.Copy(notes, Path.Combine(Path.GetDirectoryName(target)!, "SOURCE.md"), overwrite: true);
    }
}
