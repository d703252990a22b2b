namespace AbsoluteZero.Evaluation.Benchmarks.CodeSets;

/// <summary>
/// MBPP+ stores its inputs as JSON, so tuples, sets and complex numbers arrive as lists and strings. Before any program
/// runs (the canonical solution for the expected outputs, and the candidate), EvalPlus v0.2.0 converts the inputs of
/// specific tasks back (<c>mbpp_deserialize_inputs</c>; the table in <c>mbpp-plus/SOURCE.md</c>). This builds one
/// input — the list of call arguments — as those rules do. A value of a shape a rule does not expect is refused
/// loudly (<see cref="FormatException"/>) rather than converted differently from EvalPlus.
/// </summary>
public static class MbppPlusInputConversion
{
    private static readonly HashSet<int> EveryArgumentToTuple = [2, 116, 132, 143, 222, 261, 273, 394, 399, 421, 424, 429, 470, 560, 579, 596, 616, 630, 726, 740, 744, 809];
    private static readonly HashSet<int> InnerListsToTuples = [63, 64, 70, 94, 120, 237, 272, 299, 400, 409, 417, 438, 473, 614, 780];
    private static readonly HashSet<int> FirstArgumentInnerListsToTuples = [75, 413, 444, 753];
    private static readonly HashSet<int> SecondArgumentToTuple = [106, 750];
    private static readonly HashSet<int> FirstArgumentToTuple = [250, 405, 446, 617, 720, 763, 808];
    private static readonly HashSet<int> InnerListsThenArgumentsToTuples = [259, 401, 445];
    private static readonly HashSet<int> DeepTuple = [580, 615, 791];

    /// <summary>The argument list of one input of task <c>Mbpp/<paramref name="task"/></c>, converted.</summary>
    /// <exception cref="FormatException">The input does not have the shape the task's rule converts.</exception>
    public static PyValue Convert(int task, PyJsonValue input)
    {
        var args = List(input, "the input");
        if (EveryArgumentToTuple.Contains(task))
            return new PyValue.List(args.Select(Tuple).ToList());
        if (InnerListsToTuples.Contains(task))
            return new PyValue.List(args.Select(arg => (PyValue)new PyValue.List(List(arg, "an argument").Select(Tuple).ToList())).ToList());
        if (FirstArgumentInnerListsToTuples.Contains(task))
            return new PyValue.List([new PyValue.List(List(Arg(args, 0), "the first argument").Select(Tuple).ToList()), Data(Arg(args, 1))]);
        if (SecondArgumentToTuple.Contains(task))
            return new PyValue.List([Data(Arg(args, 0)), Tuple(Arg(args, 1))]);
        if (FirstArgumentToTuple.Contains(task))
            return new PyValue.List([Tuple(Arg(args, 0)), Data(Arg(args, 1))]);
        if (InnerListsThenArgumentsToTuples.Contains(task))
            return new PyValue.List(args.Select(arg => (PyValue)new PyValue.Tuple(List(arg, "an argument").Select(Tuple).ToList())).ToList());
        if (DeepTuple.Contains(task))
            return Deep(input);
        return task switch
        {
            // each item of the first argument: a non-empty list becomes a set, anything else {} (a dict)
            115 => new PyValue.List([new PyValue.List(List(Arg(args, 0), "the first argument").Select(item =>
                item.Kind == PyJsonKind.Array && item.Items.Count > 0
                    ? new PyValue.Set(item.Items.Select(Data).ToList())
                    : (PyValue)new PyValue.Dict([])).ToList())]),
            // (float(a), complex(b)): Python's own float() and complex() read the values
            124 => new PyValue.Tuple([new PyValue.Call("float", Arg(args, 0)), new PyValue.Call("complex", Arg(args, 1))]),
            // the argument, a string, becomes complex(...)
            252 => new PyValue.List([new PyValue.Call("complex", Arg(args, 0))]),
            // the first argument: its list items become tuples, then it becomes a tuple
            278 => new PyValue.List([new PyValue.Tuple(List(Arg(args, 0), "the first argument")
                .Select(item => item.Kind == PyJsonKind.Array ? Tuple(item) : Data(item)).ToList())]),
            // the first argument becomes a tuple; the other two unchanged
            307 => new PyValue.List([Tuple(Arg(args, 0)), Data(Arg(args, 1)), Data(Arg(args, 2))]),
            // the first argument is a dict: each value becomes a tuple; the rest unchanged
            722 => new PyValue.List([ValuesToTuples(Arg(args, 0)), .. args.Skip(1).Select(Data)]),
            _ => Data(input),
        };
    }

    private static PyValue Data(PyJsonValue value) => new PyValue.Data(value);

    /// <summary><c>tuple(x)</c> of a list.</summary>
    private static PyValue Tuple(PyJsonValue value) => new PyValue.Tuple(List(value, "a value converted to a tuple").Select(Data).ToList());

    /// <summary>Every list at any depth becomes a tuple.</summary>
    private static PyValue Deep(PyJsonValue value) =>
        value.Kind == PyJsonKind.Array ? new PyValue.Tuple(value.Items.Select(Deep).ToList()) : Data(value);

    private static PyValue ValuesToTuples(PyJsonValue value) => value.Kind == PyJsonKind.Object
        ? new PyValue.Dict(value.Members.Select(m => new KeyValuePair<string, PyValue>(m.Key, Tuple(m.Value))).ToList())
        : throw new FormatException($"the first argument must be an object, found {Clip(value.Raw)}");

    private static IReadOnlyList<PyJsonValue> List(PyJsonValue value, string what) =>
        value.Kind == PyJsonKind.Array ? value.Items : throw new FormatException($"{what} must be a list, found {Clip(value.Raw)}");

    private static PyJsonValue Arg(IReadOnlyList<PyJsonValue> args, int index) =>
        index < args.Count ? args[index] : throw new FormatException($"the input has {args.Count} arguments, the conversion needs argument {index + 1}");

    private static string Clip(string raw) => raw.Length <= 80 ? raw : raw[..80] + "…";
}
