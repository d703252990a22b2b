namespace AbsoluteZero.Core.Tasks;

/// <summary>
/// AZR's three reasoning modes over a triplet (program, input, output). The reference's fourth type
/// (error prediction, <c>code_e</c>) is left out: the paper's final system does not use it.
/// </summary>
public enum TaskType
{
    /// <summary>Given program and input, predict the output (reference <c>code_o</c>, buffer <c>output</c>).</summary>
    Deduction,

    /// <summary>Given program and output, find an input (reference <c>code_i</c>, buffer <c>input</c>).</summary>
    Abduction,

    /// <summary>Given shown input/output pairs and a message, write the program (reference <c>code_f</c>, buffer <c>problem</c>).</summary>
    Induction,
}

/// <summary>The two roles the one policy plays; each (task type, role) pair is its own TRR++ baseline.</summary>
public enum Role
{
    Propose,
    Solve,
}
