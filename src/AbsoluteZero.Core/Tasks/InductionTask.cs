namespace AbsoluteZero.Core.Tasks;

/// <summary>
/// An induction task: a program, the inputs an induction proposer wrote for it with the outputs the sandbox
/// produced, and the proposer's message. The first half of the pairs is shown to the solver, the second half is
/// hidden and grades its program (the reference's <c>len // 2</c> split; the zero seed has 6 pairs, so 3 and 3).
/// </summary>
public sealed record InductionTask(string Program, IReadOnlyList<string> Inputs, IReadOnlyList<string> Outputs, string Message)
{
    /// <summary>Import lines of <see cref="Program"/>; they are also prepended to the solver's program when grading.</summary>
    public IReadOnlyList<string> Imports { get; init; } = [];

    public int ShownCount => Inputs.Count / 2;

    public IEnumerable<(string Input, string Output)> ShownPairs => Pairs.Take(ShownCount);

    public IEnumerable<(string Input, string Output)> HiddenPairs => Pairs.Skip(ShownCount);

    private IEnumerable<(string Input, string Output)> Pairs => Inputs.Zip(Outputs);
}
