using AbsoluteZero.Core.Execution;
using AbsoluteZero.Evaluation.Benchmarks.CodeSets;
using AbsoluteZero.Evaluation.Harness;

namespace AbsoluteZero.Evaluation.Scoring;

/// <summary>
/// Scores HumanEval and MBPP (sanitized) samples with their original asserts: the program, then each test snippet in
/// its namespace, all within one time limit (human-eval's harness); the first snippet to raise fails the sample.
/// </summary>
public sealed class AssertScorer(ICodeExecutor executor, CodeScoringOptions options)
{
    public Task<IReadOnlyList<CodeVerdict>> ScoreAsync(AssertBenchmark benchmark, IReadOnlyList<CodeSample> samples,
        IProgress<ScoringProgress>? progress = null, CancellationToken cancellationToken = default) =>
        HarnessDispatch.PerSampleAsync(executor, benchmark.Name, benchmark.Tasks.ToDictionary(t => t.TaskId), samples, Request, Verdict,
            options, progress, cancellationToken);

    private ExecutionRequest Request(AssertTask task, string program)
    {
        var job = new HarnessJob("asserts")
            .Add("program", program)
            .Add("tests", task.Tests)
            .Add("limit", options.AssertTimeoutSeconds);
        return CodeHarness.Request(job, TimeSpan.FromSeconds(options.AssertTimeoutSeconds + 30));
    }

    private static CodeVerdict Verdict(AssertTask task, ExecutionResult result)
    {
        var report = CodeHarness.Read(result);
        if (report is null)
            return CodeVerdict.NoReport(result);
        if (report.Passed)
            return CodeVerdict.Pass;
        var index = report.Index ?? -1;
        // The failing line of a check() function, else the snippet itself (an MBPP assert is one line).
        var input = index < 0 ? null : report.Text("line") ?? task.Tests[index].Trim();
        var error = report.Text("error") ?? "failed";
        return CodeVerdict.Fail(new CodeFailure(null, input, index < 0 ? $"the program does not load: {error}" : error, report.Flag("timeout")));
    }
}
