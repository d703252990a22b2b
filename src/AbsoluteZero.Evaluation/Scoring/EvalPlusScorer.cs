using AbsoluteZero.Core.Execution;
using AbsoluteZero.Evaluation.Benchmarks.CodeSets;
using AbsoluteZero.Evaluation.Harness;

namespace AbsoluteZero.Evaluation.Scoring;

/// <summary>
/// Scores HumanEval+ and MBPP+ samples with EvalPlus's semantics: base = every base input, plus = base and every plus
/// input, each compared with the canonical solution's output on the same input (special oracles, float tolerance,
/// per-input time limits: <c>harness.py</c>). A sample's inputs are cut into slices run in parallel, base slices
/// first; once a sample has failed, its later slices are skipped, and the failure reported is its first failing input.
/// </summary>
public sealed class EvalPlusScorer(ICodeExecutor executor, CodeScoringOptions options)
{
    private const int InputDisplayLimit = 2000;

    public async Task<IReadOnlyList<CodeVerdict>> ScoreAsync(EvalPlusBenchmark benchmark, GroundTruth truth, IReadOnlyList<CodeSample> samples,
        IProgress<ScoringProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        if (!truth.Fits(benchmark))
            throw new ArgumentException($"the ground truth was not computed from this copy of {benchmark.Name}", nameof(truth));
        var tasks = benchmark.Tasks.ToDictionary(t => t.TaskId);
        var states = samples.Select(s => new SampleState(tasks.TryGetValue(s.TaskId, out var task)
            ? task
            : throw new ArgumentException($"{benchmark.Name} has no task '{s.TaskId}'", nameof(samples)), s.Program)).ToList();
        var plans = new Dictionary<(string, EvalPlusSplit), IReadOnlyList<InputSlice>>();
        foreach (var task in benchmark.Tasks)
        {
            foreach (var split in new[] { EvalPlusSplit.Base, EvalPlusSplit.Plus })
                plans[(task.TaskId, split)] = SlicePlanner.ForScoring(task.InputsOf(split), truth.Tasks[task.TaskId].Of(split));
        }

        var items = (from split in new[] { EvalPlusSplit.Base, EvalPlusSplit.Plus }
                     from state in states
                     from slice in plans[(state.Task.TaskId, split)]
                     select (state, split, slice)).ToList();
        await HarnessDispatch.RunAsync(executor, items,
            item => item.state.Needs(item.split, item.slice) ? Request(item.state, item.split, item.slice, truth) : null,
            (item, result) => item.state.Record(item.split, Failure(item.state.Task, item.split, item.slice, result)),
            options, progress, cancellationToken).ConfigureAwait(false);
        return states.Select(s => s.Verdict()).ToList();
    }

    private ExecutionRequest Request(SampleState state, EvalPlusSplit split, InputSlice slice, GroundTruth truth)
    {
        var task = state.Task;
        var all = truth.Tasks[task.TaskId].Of(split);
        var cases = all.Skip(slice.Start).Take(slice.Count).ToList();
        var job = new HarnessJob("evalplus")
            .Add("reference", task.CanonicalProgram)
            .Add("candidate", state.Program)
            .Add("entry_point", task.EntryPoint)
            .AddNullable("oracle", task.Oracle)
            .AddSource("atol", CarriedAtol(task, all, slice))
            .Add("inputs", GroundTruthBuilder.Inputs(task.InputsOf(split), slice))
            .Add("digests", cases.Select(c => c.Digest))
            .Add("times", cases.Select(c => c.Seconds))
            .Add("min_limit", options.MinTimeLimitSeconds)
            .Add("factor", options.TimeLimitFactor)
            .Add("budget", options.SliceBudgetSeconds);
        // The harness enforces the real limits; this outer deadline only stops a candidate that blocks its alarm.
        var canonical = cases.Sum(c => c.Seconds);
        var budget = Math.Max(options.SliceBudgetSeconds, options.TimeLimitFactor * canonical);
        return CodeHarness.Request(job, TimeSpan.FromSeconds(20 * canonical + 2 * budget + 10));
    }

    /// <summary>
    /// The atol in force when the slice's first input is compared. EvalPlus's loop raises a zero atol to 1e-6 at the
    /// first float-valued expected output and keeps it for the rest of the check, so a later slice starts there too.
    /// </summary>
    private static string CarriedAtol(EvalPlusTask task, IReadOnlyList<ReferenceCase> cases, InputSlice slice) =>
        double.Parse(task.Atol, System.Globalization.CultureInfo.InvariantCulture) == 0 && cases.Take(slice.Start).Any(c => c.Floats)
            ? "1e-06"
            : task.Atol;

    /// <summary>Null when the slice passed.</summary>
    private static (int Index, CodeFailure Failure)? Failure(EvalPlusTask task, EvalPlusSplit split, InputSlice slice, ExecutionResult result)
    {
        var splitName = GroundTruthBuilder.Name(split);
        var report = CodeHarness.Read(result);
        if (report is null)
        {
            var inputs = slice.Count == 1 ? $"input {slice.Start}" : $"one of inputs {slice.Start}..{slice.End - 1}";
            return (slice.Start, new CodeFailure(splitName, null, $"{CodeHarness.StatusName(result)} on {inputs}: {result.Error}", result.Status == ExecutionStatus.Timeout));
        }

        switch (report.Status)
        {
            case "pass":
                return null;
            case "fail":
                break;
            case "reference_mismatch":
                throw new InvalidOperationException(
                    $"the canonical solution of {task.TaskId} gave a different output on {splitName} input {slice.Start + report.Index} "
                    + $"({report.Text("got")}) than when the ground truth was cached; delete the cache file and score again");
            default:
                throw new InvalidOperationException(
                    $"the canonical solution of {task.TaskId} failed on {splitName} input {slice.Start + report.Index} while scoring: {report.Text("error")}");
        }

        if (report.Index is not { } local)
            return (-1, new CodeFailure(splitName, null, $"the program does not load: {report.Text("error")}", false));
        var index = slice.Start + local;
        var difference = report.Text("error") is { } error
            ? $"{error} (expected {report.Text("expected")})"
            : $"expected {report.Text("expected")}, got {report.Text("got")}";
        return (index, new CodeFailure(splitName, Clip(task.InputsOf(split)[index].Json), difference, report.Flag("timeout")));
    }

    private static string Clip(string text) => text.Length <= InputDisplayLimit ? text : text[..InputDisplayLimit] + "…";

    /// <summary>What is known so far about one sample; slices report concurrently.</summary>
    private sealed class SampleState(EvalPlusTask task, string program)
    {
        private readonly Lock _lock = new();
        private readonly (int Index, CodeFailure Failure)?[] _first = new (int, CodeFailure)?[2];

        public EvalPlusTask Task { get; } = task;

        public string Program { get; } = program;

        /// <summary>Whether running this slice can still change the verdict or the first failing input.</summary>
        public bool Needs(EvalPlusSplit split, InputSlice slice)
        {
            lock (_lock)
            {
                if (split == EvalPlusSplit.Plus && _first[0] is not null)
                    return false; // plus needs base to pass
                return _first[(int)split] is not { } known || slice.Start < known.Index;
            }
        }

        public void Record(EvalPlusSplit split, (int Index, CodeFailure Failure)? failure)
        {
            if (failure is not { } found)
                return;
            lock (_lock)
            {
                if (_first[(int)split] is not { } known || found.Index < known.Index)
                    _first[(int)split] = found;
            }
        }

        public CodeVerdict Verdict()
        {
            var basePassed = _first[0] is null;
            var plusPassed = basePassed && _first[1] is null;
            return new CodeVerdict(plusPassed, basePassed, plusPassed, (_first[0] ?? _first[1])?.Failure);
        }
    }
}
