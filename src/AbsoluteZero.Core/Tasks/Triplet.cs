namespace AbsoluteZero.Core.Tasks;

/// <summary>
/// A deduction or abduction task (p, i, o): <see cref="Program"/> defines the entry function <c>f</c>,
/// <see cref="Input"/> is the argument string placed in <c>f(…)</c>, <see cref="Output"/> is the repr the sandbox
/// produced for <c>f(i)</c> (the gold answer of a deduction solver).
/// </summary>
public sealed record Triplet(string Program, string Input, string Output)
{
    /// <summary>Import lines found anywhere in the program; prepended before every run, as the reference does.</summary>
    public IReadOnlyList<string> Imports { get; init; } = [];

    /// <summary>
    /// The reference's <c>original_snippet</c>: the program before composite functions were prepended. Composite
    /// functions are off in every reference run, so it equals <see cref="Program"/> unless a seed file says otherwise.
    /// </summary>
    public string? OriginalProgram { get; init; }
}
