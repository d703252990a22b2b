using System.CommandLine;
using System.Diagnostics;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using AbsoluteZero.Core.Configuration;
using AbsoluteZero.Core.Json;
using AbsoluteZero.Evaluation.Benchmarks.CodeSets;
using AbsoluteZero.Evaluation.MathGrading;
using AbsoluteZero.Evaluation.Scoring;
using AbsoluteZero.Sandbox;

namespace AbsoluteZero.Cli.Commands.Bench;

/// <summary>
/// <c>azr bench eval</c>: the time to score every canonical HumanEval+ and MBPP+ solution through the sandbox (ground
/// truth first, then scoring), against the same run's baseline: one plain Python process running every canonical
/// solution on every input (no isolation, no comparison; the README measured ~14.5 s and ~43 s on one core); and math
/// answers graded per second (<see cref="MathGradingThroughput"/>).
/// </summary>
public static class EvalBench
{
    private const string BaselineLoop = """
        import copy, json, sys, time
        TAGS = {"\x00tuple": tuple, "\x00set": set, "\x00float": float, "\x00complex": complex}
        def tagged(obj):
            key = next(iter(obj), None)
            return TAGS[key](obj[key]) if len(obj) == 1 and key in TAGS else obj
        TASKS = [(program, entry_point, json.loads(inputs, object_hook=tagged)) for program, entry_point, inputs in TASKS]
        started, cpu = time.perf_counter(), time.process_time()
        for program, entry_point, inputs in TASKS:
            scope = {}
            exec(program, scope)
            function = scope[entry_point]
            for arguments in inputs:
                function(*copy.deepcopy(arguments))
        print(json.dumps({"seconds": time.perf_counter() - started, "cpu_seconds": time.process_time() - cpu}))
        """;

    public static Command Create()
    {
        var json = new Option<bool>("--json") { Description = "Print one JSON object (the only output format; accepted for symmetry)." };
        var dataDir = BenchmarksCommand.DataDirOption("The benchmark data directory.");
        var workers = new Option<int>("--workers") { Description = "Sandbox workers (0: one per core)." };
        var cacheDir = new Option<string?>("--cache-dir") { Description = "Reuse this ground-truth cache (default: a fresh one, so building it is measured)." };
        var command = new Command("eval", "Seconds to score all canonical HumanEval+ and MBPP+ solutions vs. one plain Python process; math answers graded per second.")
        {
            json, dataDir, workers, cacheDir,
        };
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            if (BenchmarksCommand.ResolveDataDirectory(parseResult.GetValue(dataDir), "bench eval") is not { } directory)
                return 2;
            var cache = parseResult.GetValue(cacheDir) ?? Directory.CreateTempSubdirectory("azr-bench-eval-").FullName;
            var options = new CodeScoringOptions { CacheDirectory = cache };
            var sandbox = new SandboxOptions { Workers = parseResult.GetValue(workers), MemoryMb = 4096 };
            var report = new JsonObject { ["cores"] = Environment.ProcessorCount, ["workers"] = sandbox.EffectiveWorkers };
            var allPassed = true;
            try
            {
                await using var pool = await SandboxExecutorFactory.StartAsync(sandbox, Console.Error.WriteLine, cancellationToken);
                foreach (var name in new[] { BenchmarkNames.HumanEvalPlus, BenchmarkNames.MbppPlus })
                {
                    var (result, passed) = await MeasureCodeAsync(EvalPlusLoader.Load(directory, name), pool, options, sandbox.PythonPath, cancellationToken);
                    report[name.Replace('-', '_')] = result;
                    allPassed &= passed;
                }
            }
            finally
            {
                if (parseResult.GetValue(cacheDir) is null)
                    Directory.Delete(cache, recursive: true);
            }

            var math = MathGradingThroughput.Measure(MathGradingThroughput.Workload(directory));
            report["math"] = new JsonObject
            {
                ["answers"] = math.Answers,
                ["correct"] = math.Correct,
                ["seconds"] = Math.Round(math.Seconds, 3),
                ["answers_per_second"] = Math.Round(math.AnswersPerSecond, 1),
            };
            Console.WriteLine(report.ToJsonString(AzrJson.Indented));
            return allPassed ? 0 : 1;
        });
        return command;
    }

    private static async Task<(JsonObject Result, bool AllPassed)> MeasureCodeAsync(EvalPlusBenchmark benchmark, SandboxPool pool, CodeScoringOptions options,
        string python, CancellationToken cancellationToken)
    {
        var (baseline, baselineCpu) = await BaselineAsync(benchmark, python, cancellationToken);

        var (cpuBefore, stopwatch) = (WorkerCpu(pool), Stopwatch.StartNew());
        var truth = await GroundTruthBuilder.GetAsync(benchmark, pool, options, cancellationToken: cancellationToken);
        var truthSeconds = stopwatch.Elapsed.TotalSeconds;
        var truthCpu = WorkerCpu(pool) - cpuBefore;

        (cpuBefore, stopwatch) = (WorkerCpu(pool), Stopwatch.StartNew());
        var samples = benchmark.Tasks.Select(t => new CodeSample(t.TaskId, t.CanonicalProgram)).ToList();
        var verdicts = await new EvalPlusScorer(pool, options).ScoreAsync(benchmark, truth, samples, cancellationToken: cancellationToken);
        var scoreSeconds = stopwatch.Elapsed.TotalSeconds;
        var scoreCpu = WorkerCpu(pool) - cpuBefore;

        var passed = verdicts.Count(v => v.PlusPassed == true);
        return (new JsonObject
        {
            ["tasks"] = benchmark.Tasks.Count,
            ["inputs"] = benchmark.Tasks.Sum(t => t.BaseInputs.Count + t.PlusCheckInputs.Count),
            ["canonical_passed_base_and_plus"] = passed,
            ["ground_truth_seconds"] = Round(truthSeconds),
            ["ground_truth_cpu_seconds"] = Round(truthCpu),
            ["score_seconds"] = Round(scoreSeconds),
            ["score_cpu_seconds"] = Round(scoreCpu),
            ["baseline_single_process_seconds"] = Round(baseline),
            ["baseline_cpu_seconds"] = Round(baselineCpu),
            ["score_to_baseline_ratio"] = Round(scoreSeconds / baseline),
            ["score_cpu_to_baseline_cpu_ratio"] = Round(scoreCpu / baselineCpu),
        }, passed == benchmark.Tasks.Count);
    }

    /// <summary>
    /// Every canonical solution on every input (its own deep copy each), in one plain interpreter; the inputs are decoded
    /// before the clock starts, from the same transport the harness reads.
    /// </summary>
    private static async Task<(double Seconds, double CpuSeconds)> BaselineAsync(EvalPlusBenchmark benchmark, string python, CancellationToken cancellationToken)
    {
        var source = new StringBuilder("TASKS = [\n");
        foreach (var task in benchmark.Tasks)
        {
            var inputs = "[" + string.Join(", ", task.BaseInputs.Concat(task.PlusCheckInputs).Select(i => i.Transport)) + "]";
            source.Append('(').Append(PythonLiteral.String(task.CanonicalProgram)).Append(", ").Append(PythonLiteral.String(task.EntryPoint))
                .Append(", ").Append(PythonLiteral.String(inputs)).Append("),\n");
        }

        source.Append("]\n").Append(BaselineLoop);
        var script = Path.GetTempFileName();
        try
        {
            await File.WriteAllTextAsync(script, source.ToString(), cancellationToken);
            var start = new ProcessStartInfo(python, ["-I", script]) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
            using var process = Process.Start(start)!;
            var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
            var error = process.StandardError.ReadToEndAsync(cancellationToken);
            await process.WaitForExitAsync(cancellationToken);
            if (process.ExitCode != 0)
                throw new InvalidOperationException($"the baseline run of {benchmark.Name} failed: {await error}");
            using var result = JsonDocument.Parse(await output);
            return (result.RootElement.GetProperty("seconds").GetDouble(), result.RootElement.GetProperty("cpu_seconds").GetDouble());
        }
        finally
        {
            File.Delete(script);
        }
    }

    private static double WorkerCpu(SandboxPool pool) => SandboxBenchCpu.TaggedSeconds(pool.Tag);

    private static double Round(double value) => Math.Round(value, 3);
}
