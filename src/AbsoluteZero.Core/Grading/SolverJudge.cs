using AbsoluteZero.Core.Execution;
using AbsoluteZero.Core.Python;
using AbsoluteZero.Core.Tasks;

namespace AbsoluteZero.Core.Grading;

/// <summary>Whether one solver answer is right, and if not, why (the text the buffer browser shows).</summary>
public sealed record Judgement(bool Correct, string? Reason);

/// <summary>
/// Grades parsed solver answers against a task (AZR.md §3.2). Answers are untrusted code: they are evaluated only
/// in the sandbox, under the same <c>azr</c> policy as proposals, and compared through <see cref="ValueJudge"/>, so
/// a hostile answer is simply wrong. Identical answers are judged once. Methods take many answers to one task, as
/// the learnability estimate needs; callers may run several tasks concurrently on the same executor.
/// </summary>
public sealed class SolverJudge(ICodeExecutor executor, int timeoutMs)
{
    private readonly ValueJudge _values = new(executor, timeoutMs);

    /// <summary>Deduction: the predicted output must equal the gold output as a Python value.</summary>
    public async Task<IReadOnlyList<Judgement>> DeductionAsync(Triplet task, IReadOnlyList<string> predictedOutputs, CancellationToken cancellationToken = default)
    {
        var distinct = predictedOutputs.Distinct(StringComparer.Ordinal).ToList();
        var canonical = await _values.ValuesAsync([task.Output, .. distinct], cancellationToken).ConfigureAwait(false);
        var gold = canonical[0];
        var answers = canonical.Skip(1).ToList();
        var judged = await CompareAsync(gold, answers, (i, _) => $"the predicted output {Q(distinct[i])} does not equal the expected output {Q(task.Output)}",
            i => $"the predicted output {Q(distinct[i])} cannot be compared: {answers[i].Failure}", task.Output, cancellationToken).ConfigureAwait(false);
        return Spread(predictedOutputs, distinct, judged);
    }

    /// <summary>
    /// Abduction: <c>gold == f(answer)</c>. The answer is first reduced to plain literal arguments on its own, then
    /// the task's program runs on those literals, so no answer code shares a process with the program or the gold.
    /// </summary>
    public async Task<IReadOnlyList<Judgement>> AbductionAsync(Triplet task, IReadOnlyList<string> inputs, CancellationToken cancellationToken = default)
    {
        var distinct = inputs.Distinct(StringComparer.Ordinal).ToList();
        var goldTask = _values.ValuesAsync([task.Output], cancellationToken);
        var arguments = await _values.ArgumentsAsync(distinct, cancellationToken).ConfigureAwait(false);
        var program = SandboxText.WithImports(task.Imports, task.Program);
        var runs = await RunAllAsync(arguments.Select(a => a.Ok ? new ExecutionRequest(program, a.Repr!) : null).ToList(), cancellationToken).ConfigureAwait(false);
        var gold = (await goldTask.ConfigureAwait(false))[0];
        var outputs = runs.Select((r, i) => r switch
        {
            null => new CanonicalValue(null, $"the input {Q(distinct[i])} cannot be used: {arguments[i].Failure}"),
            { IsOk: true } => new CanonicalValue(r.Output, null),
            _ => new CanonicalValue(null, $"f({Q(distinct[i])}) {SandboxText.Describe(r)}"),
        }).ToList();
        var judged = await CompareAsync(gold, outputs, (i, actual) => $"f({Q(distinct[i])}) returned {Q(actual)}, expected {Q(task.Output)}",
            i => outputs[i].Failure!, task.Output, cancellationToken).ConfigureAwait(false);
        return Spread(inputs, distinct, judged);
    }

    /// <summary>
    /// Induction (binary, the reference's <c>code_f_reward_type: binary</c>): the solver's program, with the task's
    /// imports prepended as the reference does, must reproduce every hidden output from its hidden input.
    /// </summary>
    /// <param name="programs">Parsed programs; null where the answer had no code block.</param>
    public async Task<IReadOnlyList<Judgement>> InductionAsync(InductionTask task, IReadOnlyList<string?> programs, CancellationToken cancellationToken = default)
    {
        var hidden = task.HiddenPairs.ToList();
        var distinct = programs.Where(p => p is not null).Select(p => p!).Distinct(StringComparer.Ordinal).ToList();
        var golds = await _values.ValuesAsync(hidden.Select(h => h.Output).ToList(), cancellationToken).ConfigureAwait(false);
        var requests = distinct.SelectMany(p => hidden.Select(h => new ExecutionRequest(SandboxText.WithImports(task.Imports, p), h.Input))).ToList();
        var runs = await RunAllAsync(requests, cancellationToken).ConfigureAwait(false);

        var comparisons = new List<(string, string)>();
        var index = new Dictionary<int, int>();
        for (var r = 0; r < runs.Count; r++)
        {
            if (runs[r] is { IsOk: true } run && golds[r % hidden.Count].Ok)
            {
                index[r] = comparisons.Count;
                comparisons.Add((golds[r % hidden.Count].Repr!, run.Output!));
            }
        }

        var equal = await _values.EqualAsync(comparisons, cancellationToken).ConfigureAwait(false);
        var byProgram = new Dictionary<string, Judgement>(StringComparer.Ordinal);
        for (var p = 0; p < distinct.Count; p++)
        {
            string? failure = null;
            for (var h = 0; h < hidden.Count && failure is null; h++)
            {
                var r = p * hidden.Count + h;
                var (input, expected) = hidden[h];
                if (!golds[h].Ok)
                    failure = $"hidden pair {h}: the expected output {Q(expected)} is not a plain Python value, so nothing can equal it";
                else if (runs[r] is not { IsOk: true } run)
                    failure = $"hidden pair {h}: f({Q(input)}) {SandboxText.Describe(runs[r]!)}";
                else if (!equal[index[r]])
                    failure = $"hidden pair {h}: f({Q(input)}) returned {Q(run.Output!)}, expected {Q(expected)}";
            }

            byProgram[distinct[p]] = new Judgement(failure is null, failure);
        }

        return programs.Select(p => p is null ? new Judgement(false, "the answer has no code block") : byProgram[p]).ToList();
    }

    private async Task<IReadOnlyList<Judgement>> CompareAsync(CanonicalValue gold, IReadOnlyList<CanonicalValue> answers,
        Func<int, string, string> unequal, Func<int, string> unusable, string goldText, CancellationToken cancellationToken)
    {
        if (!gold.Ok)
            return answers.Select(_ => new Judgement(false, $"the expected output {Q(goldText)} is not a plain Python value ({gold.Failure}), so nothing can equal it")).ToList();
        var usable = answers.Select((a, i) => (a, i)).Where(x => x.a.Ok).ToList();
        var equal = await _values.EqualAsync(usable.Select(x => (gold.Repr!, x.a.Repr!)).ToList(), cancellationToken).ConfigureAwait(false);
        var verdicts = answers.Select((_, i) => new Judgement(false, unusable(i))).ToArray();
        for (var k = 0; k < usable.Count; k++)
        {
            var i = usable[k].i;
            verdicts[i] = equal[k] ? new Judgement(true, null) : new Judgement(false, unequal(i, usable[k].a.Repr!));
        }

        return verdicts;
    }

    private async Task<IReadOnlyList<ExecutionResult?>> RunAllAsync(IReadOnlyList<ExecutionRequest?> requests, CancellationToken cancellationToken)
    {
        var real = requests.Where(r => r is not null).Select(r => r! with { Policy = ExecutionPolicy.Azr, TimeoutMs = timeoutMs }).ToList();
        var results = real.Count == 0 ? [] : await executor.ExecuteAsync(real, cancellationToken).ConfigureAwait(false);
        var next = 0;
        return requests.Select(r => r is null ? null : results[next++]).ToList();
    }

    private static IReadOnlyList<Judgement> Spread(IReadOnlyList<string> all, List<string> distinct, IReadOnlyList<Judgement> judged)
    {
        var byAnswer = distinct.Select((a, i) => (a, judged[i])).ToDictionary(x => x.a, x => x.Item2, StringComparer.Ordinal);
        return all.Select(a => byAnswer[a]).ToList();
    }

    private static string Q(string text) => "`" + SandboxText.Quote(text) + "`";
}
