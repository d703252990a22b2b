using AbsoluteZero.Core.Execution;

namespace AbsoluteZero.Evaluation.Scoring;

/// <summary>
/// Sends harness requests to the executor with a bounded number in flight, in the order given, so a caller can skip
/// work that an earlier result made pointless (a sample that already failed needs no more of its slices run).
/// </summary>
internal static class HarnessDispatch
{
    /// <param name="build">The request for an item, or null to skip it.</param>
    /// <param name="handle">Called with each result, possibly concurrently.</param>
    public static async Task RunAsync<T>(ICodeExecutor executor, IReadOnlyList<T> items, Func<T, ExecutionRequest?> build,
        Action<T, ExecutionResult> handle, CodeScoringOptions options, IProgress<ScoringProgress>? progress, CancellationToken cancellationToken)
    {
        var done = 0;
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = options.EffectiveParallelism, CancellationToken = cancellationToken };
        await Parallel.ForEachAsync(items, parallel, async (item, ct) =>
        {
            if (build(item) is { } request)
            {
                var result = (await executor.ExecuteAsync([request], ct).ConfigureAwait(false))[0];
                handle(item, result);
            }

            progress?.Report(new ScoringProgress(Interlocked.Increment(ref done), items.Count));
        }).ConfigureAwait(false);
    }

    /// <summary>One request per sample: the sample's task looked up by id, its request built, its result judged.</summary>
    public static async Task<IReadOnlyList<CodeVerdict>> PerSampleAsync<TTask>(ICodeExecutor executor, string benchmark,
        IReadOnlyDictionary<string, TTask> tasks, IReadOnlyList<CodeSample> samples, Func<TTask, string, ExecutionRequest> request,
        Func<TTask, ExecutionResult, CodeVerdict> verdict, CodeScoringOptions options, IProgress<ScoringProgress>? progress, CancellationToken cancellationToken)
    {
        var verdicts = new CodeVerdict[samples.Count];
        var items = samples.Select((sample, i) => (i, task: tasks.TryGetValue(sample.TaskId, out var task)
            ? task
            : throw new ArgumentException($"{benchmark} has no task '{sample.TaskId}'", nameof(samples)))).ToList();
        await RunAsync(executor, items, item => request(item.task, samples[item.i].Program),
            (item, result) => verdicts[item.i] = verdict(item.task, result), options, progress, cancellationToken).ConfigureAwait(false);
        return verdicts;
    }
}
