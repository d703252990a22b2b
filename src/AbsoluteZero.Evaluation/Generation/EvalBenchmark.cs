using AbsoluteZero.Core.Configuration;
using AbsoluteZero.Evaluation.Benchmarks;
using AbsoluteZero.Evaluation.Benchmarks.MathSets;
using AbsoluteZero.Evaluation.Prompting;
using AbsoluteZero.Evaluation.Runs;

namespace AbsoluteZero.Evaluation.Generation;

/// <summary>
/// One benchmark prepared for an evaluation run: its problems (the first <c>limit</c> when a limit is set) with their
/// prompts in one style, and for code benchmarks the scorer.
/// </summary>
public sealed record EvalBenchmark(BenchmarkInfo Info, IReadOnlyList<EvalProblem> Problems, ICodeBenchmark? Code)
{
    /// <summary>The paper's response budgets (AZR.md §7.1): 8096 tokens for code, 16000 for math.</summary>
    public const int CodeMaxNewTokens = 8096;

    public const int MathMaxNewTokens = 16000;

    public string Name => Info.Name;

    public int DefaultMaxNewTokens => Info.Kind == BenchmarkKind.Code ? CodeMaxNewTokens : MathMaxNewTokens;

    /// <exception cref="BenchmarkDataException">The data file is missing or malformed.</exception>
    public static EvalBenchmark Load(string name, string dataDirectory, PromptStyle style, int? limit)
    {
        if (style == PromptStyle.Auto)
            throw new ArgumentException("resolve the prompt style (azr or base) before loading", nameof(style));
        var info = BenchmarkCatalog.Get(name);
        if (info.Kind == BenchmarkKind.Math)
        {
            var problems = MathBenchmarkLoader.Load(dataDirectory, name).Take(limit ?? int.MaxValue)
                .Select(p => new EvalProblem(p.Id, MathPrompts.For(p, style), null, p.Reference))
                .ToList();
            return new EvalBenchmark(info, problems, null);
        }

        var code = CodeBenchmarks.Load(name, dataDirectory);
        if (limit is { } count)
            code = code.Take(count);
        return new EvalBenchmark(info, code.Problems.Select(p => new EvalProblem(p.TaskId, CodePrompts.For(name, p, style), p.CodePrompt, null)).ToList(), code);
    }
}
