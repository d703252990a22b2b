using AbsoluteZero.Core.Configuration;
using AbsoluteZero.Evaluation.Benchmarks;
using AbsoluteZero.Evaluation.Benchmarks.MathSets;
using AbsoluteZero.Testing;

namespace AbsoluteZero.Evaluation.Tests.Code;

/// <summary>The twelve benchmarks, their data files in ../shared/benchmarks, import with checksums, and fetch without network.</summary>
public sealed class BenchmarkCatalogTests
{
    [Fact]
    public void Knows_the_twelve_names_in_the_order_of_benchmark_names()
    {
        Assert.Equal(BenchmarkNames.All, BenchmarkCatalog.All.Select(b => b.Name));
        Assert.All(BenchmarkCatalog.All, b => Assert.StartsWith($"{b.Name}/", b.File.Path));
        Assert.Equal([BenchmarkNames.LiveCodeBench], BenchmarkCatalog.All.Where(b => !b.ComparableWithPaper).Select(b => b.Name));
        Assert.Contains("public tests only", BenchmarkCatalog.Get(BenchmarkNames.LiveCodeBench).Label);
        var unknown = Assert.Throws<ArgumentException>(() => BenchmarkCatalog.Get("humaneval+"));
        Assert.Contains("humaneval-plus, mbpp-plus", unknown.Message);
    }

    [Theory]
    [InlineData(BenchmarkNames.HumanEvalPlus, 164)]
    [InlineData(BenchmarkNames.MbppPlus, 378)]
    [InlineData(BenchmarkNames.LiveCodeBench, 279)]
    [InlineData(BenchmarkNames.HumanEval, 164)]
    [InlineData(BenchmarkNames.MbppSanitized, 427)]
    [InlineData(BenchmarkNames.Aime2024, 30)]
    [InlineData(BenchmarkNames.Aime2025, 30)]
    [InlineData(BenchmarkNames.Amc2023, 40)]
    [InlineData(BenchmarkNames.Math500, 500)]
    [InlineData(BenchmarkNames.MinervaMath, 272)]
    [InlineData(BenchmarkNames.OlympiadBench, 675)]
    [InlineData(BenchmarkNames.Gsm8k, 1319)]
    public void Every_benchmark_loads_from_the_shared_data_with_its_pinned_checksum(string name, int tasks)
    {
        var benchmark = BenchmarkCatalog.Get(name);

        Assert.Equal(tasks, BenchmarkData.CountTasks(name, RepositoryPaths.Benchmarks));
        if (benchmark.File.Sha256 is { } pinned)
            Assert.Equal(pinned, BenchmarkData.Sha256(BenchmarkCatalog.PathOf(RepositoryPaths.Benchmarks, benchmark)));
    }

    [Fact]
    public void Import_copies_checksums_loads_and_records_each_file_in_the_manifest()
    {
        using var target = new TemporaryDirectory();

        var results = BenchmarkImporter.Import(RepositoryPaths.Benchmarks, target.Path);

        Assert.All(results, r => Assert.Null(r.Problem));
        Assert.Equal(12, results.Count);
        var mbpp = results.Single(r => r.Benchmark == BenchmarkNames.MbppSanitized).Installed!;
        Assert.Equal((427, (bool?)null), (mbpp.Tasks, mbpp.MatchesOfficial));
        Assert.All(results.Where(r => r.Benchmark != BenchmarkNames.MbppSanitized), r => Assert.True(r.Installed!.MatchesOfficial));
        Assert.True(File.Exists(Path.Combine(target.Path, "humaneval-plus", "SOURCE.md")));
        var manifest = File.ReadAllText(Path.Combine(target.Path, BenchmarkData.ManifestName));
        Assert.Contains("\"sha256\": \"272720b90ac375502c8ed23cd791c2a93dfb22a911641a494da74a426c09f101\"", manifest);
        Assert.Equal(1319, BenchmarkData.CountTasks(BenchmarkNames.Gsm8k, target.Path));
    }

    [Fact]
    public void Import_reports_a_partial_copy_and_a_bad_row_by_file_and_line()
    {
        using var source = new TemporaryDirectory();
        using var target = new TemporaryDirectory();
        Directory.CreateDirectory(Path.Combine(source.Path, "aime2024"));
        var lines = File.ReadAllLines(Path.Combine(RepositoryPaths.Benchmarks, "aime2024", "test.jsonl"));
        lines[4] = lines[4][..40];
        File.WriteAllLines(Path.Combine(source.Path, "aime2024", "test.jsonl"), lines);
        Directory.CreateDirectory(Path.Combine(source.Path, "humaneval"));
        File.Copy(Path.Combine(RepositoryPaths.Benchmarks, "humaneval", "HumanEval.jsonl.gz"), Path.Combine(source.Path, "humaneval", "HumanEval.jsonl.gz"));

        var results = BenchmarkImporter.Import(source.Path, target.Path).ToDictionary(r => r.Benchmark);

        Assert.Equal(164, results[BenchmarkNames.HumanEval].Installed!.Tasks);
        Assert.Contains("test.jsonl:5: not valid JSON", results[BenchmarkNames.Aime2024].Problem);
        Assert.True(results[BenchmarkNames.Gsm8k].Absent);
    }

    [Fact]
    public void A_malformed_code_row_is_named_by_file_and_line()
    {
        using var data = new TemporaryDirectory();
        Directory.CreateDirectory(Path.Combine(data.Path, "livecodebench"));
        File.WriteAllText(Path.Combine(data.Path, "livecodebench", "livecodebench.json"),
            "[\n  {\"problem\": \"p\", \"starter_code\": \"\", \"tests\": [{\"input\": \"1\", \"output\": \"1\", \"testtype\": \"stdin\"}]},\n  {\"problem\": \"q\", \"starter_code\": \"\"}\n]");

        var error = Assert.Throws<BenchmarkDataException>(() => BenchmarkData.CountTasks(BenchmarkNames.LiveCodeBench, data.Path));

        Assert.EndsWith("livecodebench.json:3: missing field 'tests'", error.Message);
    }

    [Fact]
    public async Task Fetch_without_network_fails_per_benchmark_with_a_message_that_says_what_to_do()
    {
        using var target = new TemporaryDirectory();
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
        // Port 9 on the loopback refuses connections: the same failure a machine without network sees.
        var offline = BenchmarkCatalog.All.Take(2).Select(b => b with { File = b.File with { Url = $"http://127.0.0.1:9/{b.File.Path}" } }).ToList();

        var results = await new BenchmarkFetcher(http).FetchAsync(offline, target.Path);

        Assert.All(results, r => Assert.Null(r.Installed));
        Assert.StartsWith("could not download humaneval-plus from http://127.0.0.1:9/humaneval-plus/HumanEvalPlus.jsonl.gz: ", results[0].Problem);
        Assert.Contains("azr benchmarks import --from DIR", results[0].Problem);
        Assert.Empty(Directory.EnumerateFiles(target.Path, "*", SearchOption.AllDirectories));
    }

    [Fact]
    public void The_official_sources_are_pinned_https_urls()
    {
        Assert.All(BenchmarkCatalog.All, b => Assert.StartsWith("https://", b.File.Url));
        Assert.All(BenchmarkCatalog.All.Where(b => b.Name != BenchmarkNames.MbppSanitized), b => Assert.Matches("^[0-9a-f]{64}$", b.File.Sha256!));
    }

    private sealed class TemporaryDirectory : IDisposable
    {
        public string Path { get; } = Directory.CreateTempSubdirectory("azr-benchmarks-").FullName;

        public void Dispose() => Directory.Delete(Path, recursive: true);
    }
}
