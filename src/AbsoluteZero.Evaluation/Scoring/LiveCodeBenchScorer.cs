using AbsoluteZero.Core.Execution;
using AbsoluteZero.Evaluation.Benchmarks.CodeSets;
using AbsoluteZero.Evaluation.Harness;

namespace AbsoluteZero.Evaluation.Scoring;

/// <summary>
/// Scores LiveCodeBench samples as lcb_runner does: stdin problems get each test's input on standard input and their
/// output compared line by line (whitespace-trimmed, numbers as decimals); functional problems call the Solution
/// method with one JSON argument per input line and compare with the parsed output. Every test must pass.
/// </summary>
public sealed class LiveCodeBenchScorer(ICodeExecutor executor, CodeScoringOptions options)
{
    public Task<IReadOnlyList<CodeVerdict>> ScoreAsync(LiveCodeBenchSet set, IReadOnlyList<CodeSample> samples,
        IProgress<ScoringProgress>? progress = null, CancellationToken cancellationToken = default) =>
        HarnessDispatch.PerSampleAsync(executor, set.Name, set.Problems.ToDictionary(p => p.TaskId), samples, Request, Verdict,
            options, progress, cancellationToken);

    private ExecutionRequest Request(LiveCodeBenchProblem problem, string program)
    {
        var tests = "[" + string.Join(", ", problem.Tests.Select(t => $"({PythonLiteral(t.Input)}, {PythonLiteral(t.Output)})")) + "]";
        var job = problem.Type == LiveCodeBenchTestType.Stdin
            ? new HarnessJob("stdin")
            : new HarnessJob("functional").Add("method", problem.Method!);
        job.Add("program", program).AddSource("tests", tests).Add("limit", options.LiveCodeBenchTimeoutSeconds);
        return CodeHarness.Request(job, TimeSpan.FromSeconds((problem.Tests.Count + 1) * options.LiveCodeBenchTimeoutSeconds + 30));
    }

    private static string PythonLiteral(string text) => Benchmarks.CodeSets.PythonLiteral.String(text);

    private static CodeVerdict Verdict(LiveCodeBenchProblem problem, ExecutionResult result)
    {
        var report = CodeHarness.Read(result);
        if (report is null)
            return CodeVerdict.NoReport(result);
        if (report.Passed)
            return CodeVerdict.Pass;
        if (report.Index is not { } index)
            return CodeVerdict.Fail(new CodeFailure(null, null, $"the program does not load: {report.Text("error")}", report.Flag("timeout")));
        var difference = report.Text("error") ?? $"expected {report.Text("expected")}, got {report.Text("got")}";
        return CodeVerdict.Fail(new CodeFailure(null, problem.Tests[index].Input, difference, report.Flag("timeout")));
    }
}
