using AbsoluteZero.Core.Execution;
using AbsoluteZero.Evaluation.MathGrading;
using AbsoluteZero.Evaluation.Prompting;
using AbsoluteZero.Evaluation.Scoring;

namespace AbsoluteZero.Evaluation.Generation;

/// <summary>One response of the model to one problem.</summary>
public sealed record EvalResponse(EvalProblem Problem, int SampleIndex, string Text, bool Truncated);

/// <summary>
/// Judges responses with the benchmark's own rules: code through the sandbox (EvalPlus semantics for HumanEval+ and
/// MBPP+, asserts for HumanEval and MBPP, lcb_runner's for LiveCodeBench), math through <see cref="MathGrader"/>.
/// A code response that holds no program fails without running anything.
/// </summary>
public static class ResponseJudge
{
    public const string NoProgram = "no program found in the response";
    public const string NoAnswer = "no final answer found in the response";

    public static async Task<IReadOnlyList<EvalSampleResult>> JudgeAsync(EvalBenchmark benchmark, IReadOnlyList<EvalResponse> responses,
        ICodeExecutor? executor, CodeScoringOptions options, Action<string> log, CancellationToken cancellationToken)
    {
        if (benchmark.Code is not { } code)
            return responses.Select(r => Math(benchmark.Name, r)).ToList();
        if (executor is null)
            throw new ArgumentException($"{benchmark.Name} is a code benchmark: judging it needs the sandbox", nameof(executor));

        var programs = responses.Select(r => ResponseReader.Program(r.Problem.Prompt, r.Problem.CodePrompt, r.Text)).ToList();
        var runnable = Enumerable.Range(0, responses.Count).Where(i => programs[i] is not null).ToList();
        var verdicts = runnable.Count == 0
            ? []
            : await code.ScoreAsync(runnable.Select(i => new CodeSample(responses[i].Problem.Id, programs[i]!)).ToList(), executor, options, log, null, cancellationToken)
                .ConfigureAwait(false);
        var verdictOf = new CodeVerdict?[responses.Count];
        foreach (var (index, verdict) in runnable.Zip(verdicts))
            verdictOf[index] = verdict;
        return responses.Select((r, i) => Code(benchmark.Name, r, programs[i], verdictOf[i] ?? NoProgramVerdict(code.IsEvalPlus))).ToList();
    }

    /// <summary>A failure as one text: where (split, input) and how (expected against got, the exception, the limit).</summary>
    public static string Describe(CodeFailure failure)
    {
        if (failure.Input is null)
            return failure.Difference;
        var split = failure.Split is { } s ? s + " " : "";
        return $"{split}input: {failure.Input}\n{failure.Difference}";
    }

    private static CodeVerdict NoProgramVerdict(bool evalPlus) =>
        new(false, evalPlus ? false : null, evalPlus ? false : null, new CodeFailure(null, null, NoProgram, false));

    private static EvalSampleResult Code(string benchmark, EvalResponse response, string? program, CodeVerdict verdict) =>
        new(benchmark, response.Problem.Id, response.SampleIndex, response.Problem.Prompt.Text, response.Text, program,
            verdict.Passed, verdict.BasePassed, verdict.PlusPassed, verdict.Failure is { } failure ? Describe(failure) : null, null, response.Truncated);

    private static EvalSampleResult Math(string benchmark, EvalResponse response)
    {
        var reference = response.Problem.Reference
                        ?? throw new ArgumentException($"{benchmark} problem {response.Problem.Id} has no reference answer", nameof(response));
        var grade = MathGrader.Grade(benchmark, ResponseReader.MathText(response.Problem.Prompt, response.Text), reference);
        var detail = grade.Correct ? null : grade.Extracted is null ? NoAnswer : $"expected {reference.Combined}, got {grade.Extracted}";
        return new EvalSampleResult(benchmark, response.Problem.Id, response.SampleIndex, response.Problem.Prompt.Text, response.Text,
            grade.Extracted, grade.Correct, null, null, detail, reference.Combined, response.Truncated);
    }
}
