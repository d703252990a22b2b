using AbsoluteZero.Core.Execution;
using AbsoluteZero.Evaluation.Benchmarks.CodeSets;
using AbsoluteZero.Evaluation.Harness;

namespace AbsoluteZero.Evaluation.Scoring;

/// <summary>
/// Runs every canonical solution on every input through the sandbox (the harness's reference mode) and caches the
/// result per benchmark, data checksum and harness version, as EvalPlus caches its expected outputs.
/// </summary>
public static class GroundTruthBuilder
{
    private static readonly TimeSpan ReferenceSliceTimeout = TimeSpan.FromMinutes(15);

    /// <summary>The cached ground truth when it fits the data, else a fresh one (then cached).</summary>
    public static async Task<GroundTruth> GetAsync(EvalPlusBenchmark benchmark, ICodeExecutor executor, CodeScoringOptions options,
        Action<string>? log = null, IProgress<ScoringProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        var file = GroundTruth.PathFor(options.CacheDirectory, benchmark);
        if (GroundTruth.TryLoad(file) is { } cached && cached.Fits(benchmark))
            return cached;
        log?.Invoke($"computing the expected outputs of {benchmark.Name} with its canonical solutions (cached afterwards in {file})");
        var truth = await BuildAsync(benchmark, executor, options, progress, cancellationToken).ConfigureAwait(false);
        truth.Save(file);
        return truth;
    }

    public static async Task<GroundTruth> BuildAsync(EvalPlusBenchmark benchmark, ICodeExecutor executor, CodeScoringOptions options,
        IProgress<ScoringProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        var cases = benchmark.Tasks.ToDictionary(t => t.TaskId, t => new[]
        {
            new ReferenceCase[t.BaseInputs.Count],
            new ReferenceCase[t.PlusCheckInputs.Count],
        });
        var items = (from task in benchmark.Tasks
                     from split in new[] { EvalPlusSplit.Base, EvalPlusSplit.Plus }
                     from slice in SlicePlanner.ForReference(task.InputsOf(split))
                     select (task, split, slice)).ToList();
        await HarnessDispatch.RunAsync(executor, items, item => Request(item.task, item.split, item.slice), (item, result) =>
        {
            var (task, split, slice) = item;
            var report = CodeHarness.Read(result) ?? throw new InvalidOperationException(
                $"the canonical solution of {task.TaskId} did not finish on {Name(split)} inputs {slice.Start}..{slice.End - 1} ({CodeHarness.StatusName(result)}: {result.Error})");
            if (!report.Passed)
                throw new InvalidOperationException(
                    $"the canonical solution of {task.TaskId} failed on {Name(split)} input {slice.Start + report.Index}: {report.Text("error")}");
            var target = cases[task.TaskId][(int)split];
            var index = slice.Start;
            foreach (var c in report.Body.GetProperty("cases").EnumerateArray())
                target[index++] = GroundTruth.Case(c);
            if (index != slice.End)
                throw new InvalidOperationException($"the harness reported {index - slice.Start} of {slice.Count} reference cases for {task.TaskId}");
        }, options, progress, cancellationToken).ConfigureAwait(false);
        return new GroundTruth(benchmark.Name, benchmark.DataSha256, CodeHarness.Sha256,
            cases.ToDictionary(c => c.Key, c => new GroundTruth.TaskCases(c.Value[0], c.Value[1])));
    }

    internal static string Name(EvalPlusSplit split) => split == EvalPlusSplit.Base ? "base" : "plus";

    private static ExecutionRequest Request(EvalPlusTask task, EvalPlusSplit split, InputSlice slice)
    {
        var job = new HarnessJob("reference")
            .Add("reference", task.CanonicalProgram)
            .Add("entry_point", task.EntryPoint)
            .AddNullable("oracle", task.Oracle)
            .Add("inputs", Inputs(task.InputsOf(split), slice));
        return CodeHarness.Request(job, ReferenceSliceTimeout);
    }

    /// <summary>The slice's inputs as one JSON list in the transport the harness decodes.</summary>
    internal static string Inputs(IReadOnlyList<TestInput> inputs, InputSlice slice) =>
        "[" + string.Join(", ", Enumerable.Range(slice.Start, slice.Count).Select(i => inputs[i].Transport)) + "]";
}
