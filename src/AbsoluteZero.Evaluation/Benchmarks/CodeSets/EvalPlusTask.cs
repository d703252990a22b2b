namespace AbsoluteZero.Evaluation.Benchmarks.CodeSets;

/// <summary>Which EvalPlus dataset a task belongs to; the special oracles differ between the two.</summary>
public enum EvalPlusDataset { HumanEval, Mbpp }

/// <summary>
/// One test input: the call's arguments in the harness's transport (<see cref="PyValue.ToTransport"/>, after MBPP+'s
/// conversions; for HumanEval+ simply the data's JSON) and as the data spells them.
/// </summary>
public sealed record TestInput(string Transport, string Json);

/// <summary>
/// One HumanEval+ or MBPP+ task. The data stores inputs, not outputs: the expected output of every input comes from
/// running <see cref="CanonicalProgram"/> on it (docs/evaluation.md).
/// </summary>
public sealed record EvalPlusTask(
    string TaskId,
    EvalPlusDataset Dataset,
    string Prompt,
    string EntryPoint,
    string CanonicalSolution,
    string Atol,
    IReadOnlyList<TestInput> BaseInputs,
    IReadOnlyList<TestInput> PlusInputs)
{
    /// <summary>EvalPlus runs <c>prompt + canonical_solution</c> (the MBPP+ prompt is a docstring, so this is valid code too).</summary>
    public string CanonicalProgram => Prompt + CanonicalSolution;

    /// <summary>The inputs of the plus check: EvalPlus falls back to the base inputs when a task has no plus inputs (Mbpp/793).</summary>
    public IReadOnlyList<TestInput> PlusCheckInputs => PlusInputs.Count > 0 ? PlusInputs : BaseInputs;

    public IReadOnlyList<TestInput> InputsOf(EvalPlusSplit split) => split == EvalPlusSplit.Base ? BaseInputs : PlusCheckInputs;

    /// <summary>The special oracle EvalPlus applies to this task, or null for plain comparison (<see cref="EvalPlusOracles"/>).</summary>
    public string? Oracle => EvalPlusOracles.For(Dataset, EntryPoint);
}

/// <summary>The two checks EvalPlus reports: the original tests (base) and base plus the extra tests (plus).</summary>
public enum EvalPlusSplit { Base, Plus }
