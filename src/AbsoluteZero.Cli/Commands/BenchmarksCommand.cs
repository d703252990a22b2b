using AbsoluteZero.Core.Json;
using System.CommandLine;
using System.Text.Json.Nodes;
using AbsoluteZero.Evaluation.Benchmarks;
using Microsoft.Extensions.Configuration;

namespace AbsoluteZero.Cli.Commands;

/// <summary>
/// <c>azr benchmarks list | import --from DIR | fetch</c>: the benchmark data directory (layout of ../shared/benchmarks,
/// never committed). Each prints one JSON line per benchmark on stdout; problems go to stderr too.
/// </summary>
public static class BenchmarksCommand
{
    /// <summary>The configuration key of the data directory (environment variable <c>Benchmarks__DataDir</c>).</summary>
    public const string DataDirKey = "Benchmarks:DataDir";

    public static Command Create()
    {
        var command = new Command("benchmarks", "The benchmark data directory: list what is installed, import a local copy, fetch from the official sources.");
        command.Subcommands.Add(List());
        command.Subcommands.Add(Import());
        command.Subcommands.Add(Fetch());
        return command;
    }

    public static Option<string?> DataDirOption(string description) =>
        new("--data-dir") { Description = $"{description} Default: configuration {DataDirKey} (appsettings.json or Benchmarks__DataDir)." };

    /// <summary>The option's value, else configuration; null (with a message on stderr) when neither names one.</summary>
    public static string? ResolveDataDirectory(string? option, string verb)
    {
        var configured = option ?? new ConfigurationBuilder()
            .SetBasePath(Directory.GetCurrentDirectory())
            .AddJsonFile("appsettings.json", optional: true)
            .AddEnvironmentVariables()
            .Build()[DataDirKey];
        if (configured is { Length: > 0 })
            return configured;
        Console.Error.WriteLine($"azr {verb}: no data directory: pass --data-dir or set {DataDirKey} (e.g. the environment variable Benchmarks__DataDir)");
        return null;
    }

    private static Command List()
    {
        var dataDir = DataDirOption("The data directory to inspect.");
        var command = new Command("list", "One JSON line per benchmark: name, kind, file, whether it is present, its checksum and caveat.") { dataDir };
        command.SetAction(parseResult =>
        {
            if (ResolveDataDirectory(parseResult.GetValue(dataDir), "benchmarks list") is not { } directory)
                return 2;
            foreach (var benchmark in BenchmarkCatalog.All)
            {
                var file = BenchmarkCatalog.PathOf(directory, benchmark);
                var present = File.Exists(file);
                var sha = present ? BenchmarkData.Sha256(file) : null;
                Console.WriteLine(new JsonObject
                {
                    ["name"] = benchmark.Name,
                    ["kind"] = benchmark.Kind.ToString().ToLowerInvariant(),
                    ["title"] = benchmark.Title,
                    ["path"] = benchmark.File.Path,
                    ["present"] = present,
                    ["sha256"] = sha,
                    ["matches_official"] = sha is null || benchmark.File.Sha256 is null ? null : sha == benchmark.File.Sha256,
                    ["source"] = benchmark.File.Url,
                    ["label"] = benchmark.Label,
                }.ToJsonString(AzrJson.Options));
            }

            return 0;
        });
        return command;
    }

    private static Command Import()
    {
        var from = new Option<string>("--from") { Description = "A local copy laid out like the data directory (<dir>/<benchmark>/<file>).", Required = true };
        var dataDir = DataDirOption("Where to install the files.");
        var command = new Command("import", "Copy benchmark files from a local copy into the data directory, checksum them (SHA-256, in manifest.json) and check they load.") { from, dataDir };
        command.SetAction(parseResult =>
        {
            if (ResolveDataDirectory(parseResult.GetValue(dataDir), "benchmarks import") is not { } directory)
                return 2;
            try
            {
                return Report(BenchmarkImporter.Import(parseResult.GetValue(from)!, directory), "import");
            }
            catch (DirectoryNotFoundException e)
            {
                Console.Error.WriteLine($"azr benchmarks import: {e.Message}");
                return 2;
            }
        });
        return command;
    }

    private static Command Fetch()
    {
        var dataDir = DataDirOption("Where to install the files.");
        var names = new Option<string[]>("--benchmark") { Description = "Only these benchmarks (repeatable); default all twelve.", AllowMultipleArgumentsPerToken = true };
        var timeout = new Option<int>("--timeout-s") { Description = "Seconds to wait for each download.", DefaultValueFactory = _ => 120 };
        var command = new Command("fetch", "Download the benchmark files from their official sources (needs network), verify pinned checksums, record them in manifest.json.")
        {
            dataDir, names, timeout,
        };
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            if (ResolveDataDirectory(parseResult.GetValue(dataDir), "benchmarks fetch") is not { } directory)
                return 2;
            IReadOnlyList<BenchmarkInfo> selected;
            try
            {
                selected = parseResult.GetValue(names) is { Length: > 0 } chosen ? chosen.Select(BenchmarkCatalog.Get).ToList() : BenchmarkCatalog.All;
            }
            catch (ArgumentException e)
            {
                Console.Error.WriteLine($"azr benchmarks fetch: {e.Message}");
                return 2;
            }

            using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(parseResult.GetValue(timeout)) };
            var results = await new BenchmarkFetcher(http).FetchAsync(selected, directory, cancellationToken);
            return Report(results, "fetch");
        });
        return command;
    }

    /// <summary>One JSON line per benchmark; 1 when any failed or nothing at all was installed.</summary>
    private static int Report(IReadOnlyList<BenchmarkTransfer> results, string verb)
    {
        foreach (var result in results)
        {
            var line = new JsonObject { ["benchmark"] = result.Benchmark, ["ok"] = result.Installed is not null };
            if (result.Installed is { } installed)
            {
                line["path"] = installed.Path;
                line["sha256"] = installed.Sha256;
                line["bytes"] = installed.Bytes;
                line["tasks"] = installed.Tasks;
                line["matches_official"] = installed.MatchesOfficial;
            }
            else
            {
                line["problem"] = result.Problem;
                if (!result.Absent)
                    Console.Error.WriteLine($"azr benchmarks {verb}: {result.Problem}");
            }

            Console.WriteLine(line.ToJsonString(AzrJson.Options));
        }

        var failed = results.Any(r => r.Installed is null && !r.Absent) || results.All(r => r.Installed is null);
        return failed ? 1 : 0;
    }
}
