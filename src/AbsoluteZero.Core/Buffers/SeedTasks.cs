using AbsoluteZero.Core.Tasks;

namespace AbsoluteZero.Core.Buffers;

/// <summary>
/// The "zero" seed (AZR.md §5.2): the identity program, so a run can start from nothing but a base model.
/// Its inputs and outputs are the reference's strings verbatim; they are Python expressions, not reprs
/// (<c>"Hello world"</c> in double quotes, <c>dict(a=1, b=2)</c>), and grade by value like any output.
/// The induction seed has 6 pairs, not 10, so its solver sees 3 and is graded on 3.
/// </summary>
public static class SeedTasks
{
    public const string IdentityProgram = "def f(a):\n    return a";

    public static readonly Triplet ZeroTriplet = new(IdentityProgram, "\"Hello world\"", "\"Hello world\"") { OriginalProgram = IdentityProgram };

    public static readonly InductionTask ZeroInduction = new(
        IdentityProgram,
        IdentityInputs,
        IdentityInputs,
        "Write a function that returns whatever you input");

    private static string[] IdentityInputs =>
        ["\"Hello world\"", "1", "dict(a=1, b=2)", "(1.1, 1.2, 1.3)", "\"[[1, 0, 0], [0, 0, 0], [0, 0, 0]]\"", "1001101100010001"];
}
