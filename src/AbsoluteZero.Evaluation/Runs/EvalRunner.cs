using AbsoluteZero.Core.Execution;
using AbsoluteZero.Evaluation.Benchmarks;
using AbsoluteZero.Evaluation.Benchmarks.MathSets;
using AbsoluteZero.Evaluation.MathGrading;
using AbsoluteZero.Evaluation.Scoring;

namespace AbsoluteZero.Evaluation.Runs;

/// <summary>What <c>azr eval</c> is asked to do.</summary>
public sealed record EvalRequest(string Benchmark, string SamplesPath, string DataDirectory, string ResultsPath);

/// <summary>The summary, and how many sample lines could not be scored (each has an error line in the results).</summary>
public sealed record EvalOutcome(EvalSummary Summary, IReadOnlyList<SampleOutcome> Outcomes)
{
    public int InvalidLines => Outcomes.Count(o => o.Passed is null);
}

/// <summary>
/// Scores a samples file against one benchmark and writes one result line per sample line, in file order. Lines that
/// cannot be scored (malformed JSON, a missing field, an unknown task) become error lines and do not count.
/// </summary>
public static class EvalRunner
{
    public static bool NeedsExecutor(string benchmark) => BenchmarkCatalog.Get(benchmark).Kind == BenchmarkKind.Code;

    /// <exception cref="ArgumentException">Unknown benchmark, or a code benchmark without an executor.</exception>
    /// <exception cref="BenchmarkDataException">The benchmark's data file is missing or malformed.</exception>
    public static async Task<EvalOutcome> RunAsync(EvalRequest request, ICodeExecutor? executor, CodeScoringOptions options,
        Action<string> log, IProgress<ScoringProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        var info = BenchmarkCatalog.Get(request.Benchmark);
        var math = info.Kind == BenchmarkKind.Math;
        var lines = SampleFile.Read(request.SamplesPath, math);
        IReadOnlyList<SampleOutcome> outcomes;
        var evalPlus = false;
        if (math)
        {
            outcomes = GradeMath(info.Name, request.DataDirectory, lines);
        }
        else
        {
            if (executor is null)
                throw new ArgumentException($"{info.Name} is a code benchmark: scoring it needs the sandbox", nameof(executor));
            var benchmark = CodeBenchmarks.Load(info.Name, request.DataDirectory);
            evalPlus = benchmark.IsEvalPlus;
            outcomes = await ScoreCodeAsync(benchmark, lines, executor, options, log, progress, cancellationToken).ConfigureAwait(false);
        }

        foreach (var invalid in outcomes.Where(o => o.Passed is null))
            log($"skipped {invalid.Line.Error}");
        await File.WriteAllLinesAsync(request.ResultsPath, outcomes.Select(o => o.ToJson(evalPlus)), cancellationToken).ConfigureAwait(false);
        return new EvalOutcome(EvalSummary.From(info.Name, evalPlus, outcomes), outcomes);
    }

    private static List<SampleOutcome> GradeMath(string benchmark, string dataDirectory, IReadOnlyList<SampleLine> lines)
    {
        var problems = MathBenchmarkLoader.Load(dataDirectory, benchmark).ToDictionary(p => p.Id);
        var ids = new TaskIds(benchmark, problems.Keys);
        return lines.Select(ids.Check).Select(sample => sample.IsValid
            ? Graded(sample, MathGrader.Grade(benchmark, sample.Text!, problems[sample.TaskId!].Reference))
            : SampleOutcome.Invalid(sample)).ToList();

        static SampleOutcome Graded(SampleLine sample, MathGrade grade) => new(sample, sample.TaskId, grade.Correct, null, grade);
    }

    private static async Task<IReadOnlyList<SampleOutcome>> ScoreCodeAsync(ICodeBenchmark benchmark, IReadOnlyList<SampleLine> lines, ICodeExecutor executor,
        CodeScoringOptions options, Action<string> log, IProgress<ScoringProgress>? progress, CancellationToken cancellationToken)
    {
        var ids = new TaskIds(benchmark.Name, benchmark.TaskIds);
        var checkedLines = lines.Select(ids.Check).ToList();
        var valid = checkedLines.Where(l => l.IsValid).ToList();
        var samples = valid.Select(l => new CodeSample(l.TaskId!, benchmark.ProgramFor(l.TaskId!, l.Field!.Value, l.Text!))).ToList();
        var verdicts = samples.Count == 0
            ? []
            : await benchmark.ScoreAsync(samples, executor, options, log, progress, cancellationToken).ConfigureAwait(false);
        var byLine = valid.Zip(verdicts).ToDictionary(p => p.First.Line, p => p.Second);
        return checkedLines.Select(l => byLine.TryGetValue(l.Line, out var verdict)
            ? new SampleOutcome(l, l.TaskId, verdict.Passed, verdict, null)
            : SampleOutcome.Invalid(l)).ToList();
    }

    /// <summary>
    /// A benchmark's task ids. A bare number also names a task whose id ends in "/number" (<c>2</c> for <c>Mbpp/2</c>,
    /// <c>5</c> for <c>LiveCodeBench/5</c>), so MBPP's own integer ids work.
    /// </summary>
    private sealed class TaskIds(string benchmark, IEnumerable<string> ids)
    {
        private readonly HashSet<string> _ids = [.. ids];
        private readonly Dictionary<string, string> _byNumber = ids.Where(id => id.Contains('/'))
            .GroupBy(id => id[(id.LastIndexOf('/') + 1)..])
            .Where(g => g.Count() == 1)
            .ToDictionary(g => g.Key, g => g.Single());

        public SampleLine Check(SampleLine line)
        {
            if (!line.IsValid || _ids.Contains(line.TaskId!))
                return line;
            return _byNumber.TryGetValue(line.TaskId!, out var id)
                ? line with { TaskId = id }
                : line.Invalid($"line {line.Line}: unknown task_id '{line.TaskId}' for {benchmark}");
        }
    }
}
