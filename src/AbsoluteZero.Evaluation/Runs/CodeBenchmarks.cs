using AbsoluteZero.Core.Configuration;
using AbsoluteZero.Core.Execution;
using AbsoluteZero.Evaluation.Benchmarks.CodeSets;
using AbsoluteZero.Evaluation.Scoring;

namespace AbsoluteZero.Evaluation.Runs;

/// <summary>A code benchmark ready to score samples, whichever way it scores them.</summary>
public interface ICodeBenchmark
{
    string Name { get; }

    /// <summary>HumanEval+ and MBPP+ report base and plus separately.</summary>
    bool IsEvalPlus { get; }

    IReadOnlyList<string> TaskIds { get; }

    /// <summary>What each task asks, for prompting a model (evaluation runs); in the order of <see cref="TaskIds"/>.</summary>
    IReadOnlyList<CodeProblem> Problems { get; }

    /// <summary>The same benchmark cut to its first <paramref name="count"/> tasks (HumanEval+/MBPP+ ground truth is then built for those only).</summary>
    ICodeBenchmark Take(int count);

    /// <summary>The program a sample stands for: a <c>solution</c> as it is; a <c>completion</c> after the prompt where the prompt is code.</summary>
    string ProgramFor(string taskId, SampleField field, string text);

    Task<IReadOnlyList<CodeVerdict>> ScoreAsync(IReadOnlyList<CodeSample> samples, ICodeExecutor executor, CodeScoringOptions options,
        Action<string> log, IProgress<ScoringProgress>? progress, CancellationToken cancellationToken);
}

public static class CodeBenchmarks
{
    /// <exception cref="Benchmarks.MathSets.BenchmarkDataException">The data file is missing or malformed (file and line named).</exception>
    public static ICodeBenchmark Load(string name, string dataDirectory) => name switch
    {
        BenchmarkNames.HumanEvalPlus or BenchmarkNames.MbppPlus => new EvalPlusCodeBenchmark(EvalPlusLoader.Load(dataDirectory, name)),
        BenchmarkNames.HumanEval or BenchmarkNames.MbppSanitized => new AssertCodeBenchmark(AssertBenchmarkLoader.Load(dataDirectory, name)),
        BenchmarkNames.LiveCodeBench => new LiveCodeBenchCodeBenchmark(LiveCodeBenchLoader.Load(dataDirectory)),
        _ => throw new ArgumentException($"'{name}' is not a code benchmark; expected one of {string.Join(", ", BenchmarkNames.Code)}", nameof(name)),
    };

    private sealed class EvalPlusCodeBenchmark(EvalPlusBenchmark benchmark) : ICodeBenchmark
    {
        private readonly Dictionary<string, EvalPlusTask> _tasks = benchmark.Tasks.ToDictionary(t => t.TaskId);

        public string Name => benchmark.Name;

        public bool IsEvalPlus => true;

        public IReadOnlyList<string> TaskIds { get; } = benchmark.Tasks.Select(t => t.TaskId).ToList();

        public IReadOnlyList<CodeProblem> Problems { get; } = benchmark.Tasks.Select(t => new CodeProblem(t.TaskId, t.Prompt, t.Prompt)).ToList();

        public ICodeBenchmark Take(int count) => new EvalPlusCodeBenchmark(benchmark with { Tasks = benchmark.Tasks.Take(count).ToList() });

        public string ProgramFor(string taskId, SampleField field, string text) =>
            field == SampleField.Completion ? _tasks[taskId].Prompt + text : text;

        public async Task<IReadOnlyList<CodeVerdict>> ScoreAsync(IReadOnlyList<CodeSample> samples, ICodeExecutor executor, CodeScoringOptions options,
            Action<string> log, IProgress<ScoringProgress>? progress, CancellationToken cancellationToken)
        {
            var truth = await GroundTruthBuilder.GetAsync(benchmark, executor, options, log, progress, cancellationToken).ConfigureAwait(false);
            return await new EvalPlusScorer(executor, options).ScoreAsync(benchmark, truth, samples, progress, cancellationToken).ConfigureAwait(false);
        }
    }

    private sealed class AssertCodeBenchmark(AssertBenchmark benchmark) : ICodeBenchmark
    {
        private readonly Dictionary<string, AssertTask> _tasks = benchmark.Tasks.ToDictionary(t => t.TaskId);

        public string Name => benchmark.Name;

        public bool IsEvalPlus => false;

        public IReadOnlyList<string> TaskIds { get; } = benchmark.Tasks.Select(t => t.TaskId).ToList();

        public IReadOnlyList<CodeProblem> Problems { get; } = benchmark.Tasks.Select(CodeProblem.FromAsserts).ToList();

        public ICodeBenchmark Take(int count) => new AssertCodeBenchmark(benchmark with { Tasks = benchmark.Tasks.Take(count).ToList() });

        public string ProgramFor(string taskId, SampleField field, string text) =>
            field == SampleField.Completion && _tasks[taskId].PromptIsCode ? _tasks[taskId].Prompt + text : text;

        public Task<IReadOnlyList<CodeVerdict>> ScoreAsync(IReadOnlyList<CodeSample> samples, ICodeExecutor executor, CodeScoringOptions options,
            Action<string> log, IProgress<ScoringProgress>? progress, CancellationToken cancellationToken) =>
            new AssertScorer(executor, options).ScoreAsync(benchmark, samples, progress, cancellationToken);
    }

    private sealed class LiveCodeBenchCodeBenchmark(LiveCodeBenchSet set) : ICodeBenchmark
    {
        public string Name => set.Name;

        public bool IsEvalPlus => false;

        public IReadOnlyList<string> TaskIds { get; } = set.Problems.Select(p => p.TaskId).ToList();

        public IReadOnlyList<CodeProblem> Problems { get; } = set.Problems
            .Select(p => new CodeProblem(p.TaskId, p.Problem, null, p.StarterCode.Length > 0 ? p.StarterCode : null, p.Type == LiveCodeBenchTestType.Stdin))
            .ToList();

        public ICodeBenchmark Take(int count) => new LiveCodeBenchCodeBenchmark(set with { Problems = set.Problems.Take(count).ToList() });

        /// <summary>The problem statement is prose, so a completion is the whole program.</summary>
        public string ProgramFor(string taskId, SampleField field, string text) => text;

        public Task<IReadOnlyList<CodeVerdict>> ScoreAsync(IReadOnlyList<CodeSample> samples, ICodeExecutor executor, CodeScoringOptions options,
            Action<string> log, IProgress<ScoringProgress>? progress, CancellationToken cancellationToken) =>
            new LiveCodeBenchScorer(executor, options).ScoreAsync(set, samples, progress, cancellationToken);
    }
}
