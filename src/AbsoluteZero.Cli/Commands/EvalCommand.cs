using System.CommandLine;
using System.Diagnostics;
using AbsoluteZero.Cli.Commands.Eval;
using AbsoluteZero.Core.Configuration;
using AbsoluteZero.Evaluation.Benchmarks;
using AbsoluteZero.Evaluation.Benchmarks.MathSets;
using AbsoluteZero.Evaluation.Runs;
using AbsoluteZero.Evaluation.Scoring;
using AbsoluteZero.Sandbox;

namespace AbsoluteZero.Cli.Commands;

/// <summary>
/// <c>azr eval --benchmark NAME --samples FILE --data-dir DIR --out RESULTS</c>: scores existing samples (EvalPlus's
/// JSON-lines format; <c>{"task_id", "response"}</c> for math), writes one result line per sample line to RESULTS and
/// prints the summary <c>{"benchmark", "n", "pass@1", "base_pass@1", "plus_pass@1", "ci95"}</c> as the last line of
/// stdout. Progress, skipped lines and caveats go to stderr. <c>azr eval --run ID</c> instead carries out a queued
/// evaluation run (a worker's child process, <see cref="EvalRunMode"/>): generation with the policy, judging, and the
/// results written to the database.
/// </summary>
public static class EvalCommand
{
    public static Command Create()
    {
        var scoring = new CodeScoringOptions();
        // Required unless --run is given (checked by RequireOfflineOptions, with System.CommandLine's own message).
        var benchmark = new Option<string>("--benchmark") { Description = $"One of {string.Join(", ", BenchmarkNames.All)}." };
        var samples = new Option<string>("--samples") { Description = "JSON lines: {\"task_id\", \"solution\"} or {\"task_id\", \"completion\"}; math: {\"task_id\", \"response\"}." };
        var dataDir = BenchmarksCommand.DataDirOption("The benchmark data directory (laid out like ../shared/benchmarks).");
        var output = new Option<string>("--out") { Description = "Where to write one JSON result line per sample line." };
        var run = new Option<long?>("--run") { Description = "Carry out this queued evaluation run (as a worker does): generate with its model, judge, write samples and scores to the database. Replaces --benchmark, --samples and --out." };
        var supervisor = new Option<int?>("--supervisor") { Description = "With --run: stop when the process with this id (the worker) is gone." };
        var cacheDir = new Option<string>("--cache-dir") { Description = "Cache of canonical-solution timings and output digests.", DefaultValueFactory = _ => scoring.CacheDirectory };
        var minTime = new Option<double>("--min-time-limit") { Description = "EvalPlus: least seconds per input.", DefaultValueFactory = _ => scoring.MinTimeLimitSeconds };
        var factor = new Option<double>("--time-limit-factor") { Description = "EvalPlus: seconds per input as a multiple of the canonical solution's.", DefaultValueFactory = _ => scoring.TimeLimitFactor };
        var assertTimeout = new Option<double>("--assert-timeout") { Description = "HumanEval/MBPP: seconds for the whole check program.", DefaultValueFactory = _ => scoring.AssertTimeoutSeconds };
        var lcbTimeout = new Option<double>("--lcb-timeout") { Description = "LiveCodeBench: seconds per test.", DefaultValueFactory = _ => scoring.LiveCodeBenchTimeoutSeconds };
        var workers = new Option<int>("--workers") { Description = "Sandbox workers (0: one per core)." };
        var memory = new Option<int>("--memory-mb") { Description = "Address-space limit per scoring process, MiB (EvalPlus allows 4 GiB).", DefaultValueFactory = _ => 4096 };
        var command = new Command("eval", "Score a samples file against a benchmark; one result line per sample, a summary line last on stdout.")
        {
            benchmark, samples, dataDir, output, cacheDir, minTime, factor, assertTimeout, lcbTimeout, workers, memory, run, supervisor,
        };
        command.Validators.Add(result => RequireOfflineOptions(result, run, supervisor, benchmark, samples, output));
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var options = scoring with
            {
                CacheDirectory = parseResult.GetValue(cacheDir)!,
                MinTimeLimitSeconds = parseResult.GetValue(minTime),
                TimeLimitFactor = parseResult.GetValue(factor),
                AssertTimeoutSeconds = parseResult.GetValue(assertTimeout),
                LiveCodeBenchTimeoutSeconds = parseResult.GetValue(lcbTimeout),
            };
            if (parseResult.GetValue(run) is { } runId)
            {
                return options.Validate() is { Count: > 0 } invalid
                    ? Fail(string.Join("; ", invalid))
                    : await EvalRunMode.RunAsync(runId, parseResult.GetValue(supervisor), parseResult.GetValue(dataDir), options,
                        SandboxFor(parseResult.GetValue(workers), parseResult.GetValue(memory)), cancellationToken);
            }

            var name = parseResult.GetValue(benchmark)!;
            var samplesPath = parseResult.GetValue(samples)!;
            if (!BenchmarkNames.IsKnown(name))
                return Fail($"unknown benchmark '{name}'; expected one of {string.Join(", ", BenchmarkNames.All)}");
            if (!File.Exists(samplesPath))
                return Fail($"samples file not found: {samplesPath}");
            if (BenchmarksCommand.ResolveDataDirectory(parseResult.GetValue(dataDir), "eval") is not { } directory)
                return 2;
            if (options.Validate() is { Count: > 0 } errors)
                return Fail(string.Join("; ", errors));
            if (BenchmarkCatalog.Get(name).Label is { } label)
                await Console.Error.WriteLineAsync($"azr eval: {name}: {label}");

            var request = new EvalRequest(name, samplesPath, directory, parseResult.GetValue(output)!);
            SandboxPool? pool = null;
            try
            {
                await File.WriteAllTextAsync(request.ResultsPath, "", cancellationToken); // an unwritable --out fails now, not after scoring
                if (EvalRunner.NeedsExecutor(name))
                    pool = await SandboxExecutorFactory.StartAsync(SandboxFor(parseResult.GetValue(workers), parseResult.GetValue(memory)), Console.Error.WriteLine, cancellationToken);
                var outcome = await EvalRunner.RunAsync(request, pool, options, message => Console.Error.WriteLine($"azr eval: {message}"),
                    new ProgressLine(), cancellationToken);
                if (outcome.InvalidLines > 0)
                    await Console.Error.WriteLineAsync($"azr eval: {outcome.InvalidLines} sample line(s) could not be scored; see their error lines in {request.ResultsPath}");
                Console.WriteLine(outcome.Summary.ToJson());
                return outcome.Summary.N > 0 ? 0 : 1;
            }
            catch (Exception e) when (e is BenchmarkDataException or SandboxUnavailableException or ArgumentException or InvalidOperationException or IOException or UnauthorizedAccessException)
            {
                return Fail(e.Message);
            }
            finally
            {
                if (pool is not null)
                    await pool.DisposeAsync();
            }
        });
        return command;
    }

    /// <summary>
    /// Offline scoring needs --benchmark, --samples and --out (reported exactly as a required option is); --run takes none
    /// of them, and --supervisor only goes with --run.
    /// </summary>
    private static void RequireOfflineOptions(System.CommandLine.Parsing.CommandResult result, Option<long?> run, Option<int?> supervisor, params Option[] offline)
    {
        if (result.GetResult(run) is null)
        {
            foreach (var option in offline.Where(o => result.GetResult(o) is null))
                result.AddError($"Option '{option.Name}' is required.");
            if (result.GetResult(supervisor) is not null)
                result.AddError("--supervisor goes with --run.");
            return;
        }

        foreach (var option in offline.Where(o => result.GetResult(o) is not null))
            result.AddError($"--run evaluates a queued evaluation run and takes no {option.Name}.");
    }

    /// <summary>The eval pool's sandbox; <c>Sandbox__Isolation=none</c> works as for <c>azr exec</c>.</summary>
    private static SandboxOptions SandboxFor(int workers, int memoryMb) => new()
    {
        Workers = workers,
        MemoryMb = memoryMb,
        Isolation = Environment.GetEnvironmentVariable("Sandbox__Isolation") is { } mode && Enum.TryParse<SandboxIsolation>(mode, ignoreCase: true, out var isolation)
            ? isolation
            : SandboxIsolation.Bwrap,
    };

    private static int Fail(string message)
    {
        Console.Error.WriteLine($"azr eval: {message}");
        return 2;
    }

    /// <summary>"scored 120/544 requests" on stderr, at most every five seconds.</summary>
    private sealed class ProgressLine : IProgress<ScoringProgress>
    {
        private readonly Stopwatch _since = Stopwatch.StartNew();
        private readonly Lock _lock = new();

        public void Report(ScoringProgress value)
        {
            lock (_lock)
            {
                if (_since.Elapsed < TimeSpan.FromSeconds(5) && value.Done != value.Total)
                    return;
                _since.Restart();
                Console.Error.WriteLine($"azr eval: {value.Done}/{value.Total} sandbox requests done");
            }
        }
    }
}
