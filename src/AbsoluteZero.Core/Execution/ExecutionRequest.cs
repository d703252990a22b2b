namespace AbsoluteZero.Core.Execution;

/// <summary>Run once, or validate: pre-run checks plus two separate executions that must agree.</summary>
public enum ExecutionCheck
{
    Run,
    Validate,
}

/// <summary>
/// Which pre-run checks apply. Isolation (namespaces, rlimits, empty environment) holds under both; the policy only
/// decides what is refused before running.
/// </summary>
public enum ExecutionPolicy
{
    /// <summary>Model-written AZR programs: the banned-module list on every import form and the builtin <c>input(</c>.</summary>
    Azr,

    /// <summary>Benchmark harness code (canonical solutions import e.g. <c>hashlib</c>): syntax check only.</summary>
    Benchmark,
}

/// <summary>
/// One program to run with AZR semantics: <paramref name="Program"/> defines <c>f</c>, <paramref name="Input"/> is the
/// argument string placed between the parentheses of exactly one call <c>f(...)</c>, and the result is
/// <c>repr(f(&lt;input&gt;))</c>. The input is model text too, so it is parsed and checked like the program.
/// </summary>
public sealed record ExecutionRequest(string Program, string Input)
{
    public ExecutionCheck Check { get; init; } = ExecutionCheck.Run;

    public ExecutionPolicy Policy { get; init; } = ExecutionPolicy.Azr;

    /// <summary>Wall-clock limit for this request; null takes the executor's default.</summary>
    public int? TimeoutMs { get; init; }
}
