using AbsoluteZero.Core.Execution;
using AbsoluteZero.Core.Python;

namespace AbsoluteZero.Core.Grading;

/// <summary>A value read from model text: its canonical repr, or why there is none.</summary>
public sealed record CanonicalValue(string? Repr, string? Failure)
{
    public bool Ok => Failure is null;
}

/// <summary>
/// Python value equality without trusting any model text (AZR.md §3.2, fixed as AZR.md's preface asks). Every
/// judgement is split so that untrusted code never shares a process with what it is compared against:
/// <list type="number">
/// <item>Phase A evaluates one untrusted expression (a gold output, a predicted output, an argument list) alone in
/// the sandbox under the <c>azr</c> policy, inside the argument position of a harness call, and accepts only plain
/// Python data (exact builtin types), returned as its repr. An object with a lying <c>__eq__</c> or
/// <c>__repr__</c> is refused there, and whatever text phase A returns is only ever read as a literal afterwards.</item>
/// <item>Phase B, a trusted harness given string literals only, reads two such reprs back with a literal reader
/// and compares them with Python's <c>==</c> (so <c>1 == 1.0</c>, sets and dicts compare by value).</item>
/// </list>
/// </summary>
public sealed class ValueJudge(ICodeExecutor executor, int timeoutMs)
{
    /// <summary>Phase A on expressions (a gold repr, a predicted output). Empty text is no value.</summary>
    public Task<IReadOnlyList<CanonicalValue>> ValuesAsync(IReadOnlyList<string> expressions, CancellationToken cancellationToken = default) =>
        PhaseAAsync(ValueHarnesses.Value, expressions, e => string.IsNullOrWhiteSpace(e) ? null : "(" + e + "\n)", cancellationToken);

    /// <summary>
    /// An untrusted argument list (an abduction answer) as a safe one: evaluated alone, checked to be plain data,
    /// then rebuilt from its repr as <c>*(args), **{kwargs}</c>, which contains nothing but literals.
    /// </summary>
    public async Task<IReadOnlyList<CanonicalValue>> ArgumentsAsync(IReadOnlyList<string> argumentLists, CancellationToken cancellationToken = default)
    {
        var raw = await PhaseAAsync(ValueHarnesses.Arguments, argumentLists, a => a, cancellationToken).ConfigureAwait(false);
        var rebuilt = await PhaseBAsync(raw.Where(r => r.Ok).Select(r => SandboxText.StringArguments("call", r.Repr!)).ToList(), cancellationToken).ConfigureAwait(false);
        var next = 0;
        return raw.Select(r =>
        {
            if (!r.Ok)
                return r;
            var b = rebuilt[next++];
            return b is { IsOk: true, Output: { } repr }
                ? new CanonicalValue(PythonStringLiteral.Decode(repr), null)
                : new CanonicalValue(null, $"its value cannot be read back as a literal ({b.Error})");
        }).ToList();
    }

    /// <summary>Phase B: whether two canonical reprs are equal Python values; a repr that is not a literal equals nothing.</summary>
    public async Task<IReadOnlyList<bool>> EqualAsync(IReadOnlyList<(string Expected, string Actual)> pairs, CancellationToken cancellationToken = default)
    {
        var results = await PhaseBAsync(pairs.Select(p => SandboxText.StringArguments("equal", p.Expected, p.Actual)).ToList(), cancellationToken).ConfigureAwait(false);
        return results.Select(r => r is { IsOk: true, Output: "True" }).ToList();
    }

    private async Task<IReadOnlyList<CanonicalValue>> PhaseAAsync(string harness, IReadOnlyList<string> texts, Func<string, string?> asInput, CancellationToken cancellationToken)
    {
        var inputs = texts.Select(asInput).ToList();
        var requests = inputs.Where(i => i is not null)
            .Select(i => new ExecutionRequest(harness, i!) { Policy = ExecutionPolicy.Azr, TimeoutMs = timeoutMs }).ToList();
        var results = requests.Count == 0 ? [] : await executor.ExecuteAsync(requests, cancellationToken).ConfigureAwait(false);
        var next = 0;
        return inputs.Select(i =>
        {
            if (i is null)
                return new CanonicalValue(null, "it is empty");
            var r = results[next++];
            return r is { IsOk: true, Output: { } repr } ? new CanonicalValue(repr, null) : new CanonicalValue(null, $"its evaluation {SandboxText.Describe(r)}");
        }).ToList();
    }

    private async Task<IReadOnlyList<ExecutionResult>> PhaseBAsync(IReadOnlyList<string> inputs, CancellationToken cancellationToken)
    {
        if (inputs.Count == 0)
            return [];
        var requests = inputs.Select(i => new ExecutionRequest(ValueHarnesses.Literal, i) { Policy = ExecutionPolicy.Benchmark, TimeoutMs = timeoutMs }).ToList();
        return await executor.ExecuteAsync(requests, cancellationToken).ConfigureAwait(false);
    }
}
