using System.Text;

namespace AbsoluteZero.Evaluation.Benchmarks.CodeSets;

/// <summary>
/// MBPP+ stores its inputs as JSON, so tuples, sets and complex numbers arrive as lists and strings. Before any program
/// runs (the canonical solution for the expected outputs, and the candidate), EvalPlus v0.2.0 converts the inputs of
/// specific tasks back (<c>mbpp_deserialize_inputs</c>; the table in <c>mbpp-plus/SOURCE.md</c>). This writes one
/// input — the list of call arguments — as the Python expression those rules produce. A value of a shape a rule does
/// not expect is refused loudly (<see cref="FormatException"/>) rather than converted differently from EvalPlus.
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

    /// <summary>Whether the task's inputs are converted at all.</summary>
    public static bool Applies(int task) =>
        EveryArgumentToTuple.Contains(task) || InnerListsToTuples.Contains(task) || FirstArgumentInnerListsToTuples.Contains(task)
        || SecondArgumentToTuple.Contains(task) || FirstArgumentToTuple.Contains(task) || InnerListsThenArgumentsToTuples.Contains(task)
        || DeepTuple.Contains(task) || task is 115 or 124 or 252 or 278 or 307 or 722;

    /// <summary>The argument list of one input of task <c>Mbpp/<paramref name="task"/></c> as Python source.</summary>
    /// <exception cref="FormatException">The input does not have the shape the task's rule converts.</exception>
    public static string Convert(int task, PyJsonValue input)
    {
        var args = List(input, "the input");
        var b = new StringBuilder();
        if (!Applies(task))
            PythonLiteral.Write(b, input);
        else if (EveryArgumentToTuple.Contains(task))
            Seq(b, args, Tuple);
        else if (InnerListsToTuples.Contains(task))
            Seq(b, args, (s, arg) => Seq(s, List(arg, "an argument"), Tuple));
        else if (FirstArgumentInnerListsToTuples.Contains(task))
            Positional(b, args, 2, (s, arg, index) =>
            {
                if (index == 0)
                    Seq(s, List(arg, "the first argument"), Tuple);
                else
                    PythonLiteral.Write(s, arg);
            });
        else if (SecondArgumentToTuple.Contains(task))
            Positional(b, args, 2, (s, arg, index) => Either(s, arg, index == 1));
        else if (FirstArgumentToTuple.Contains(task))
            Positional(b, args, 2, (s, arg, index) => Either(s, arg, index == 0));
        else if (InnerListsThenArgumentsToTuples.Contains(task))
            Seq(b, args, (s, arg) => Seq(s, List(arg, "an argument"), Tuple, tuple: true));
        else if (DeepTuple.Contains(task))
            Deep(b, input);
        else
            Special(task, args, b);
        return b.ToString();
    }

    private static void Special(int task, IReadOnlyList<PyJsonValue> args, StringBuilder b)
    {
        switch (task)
        {
            case 115: // each item of the first argument: a non-empty list becomes a set, anything else {} (a dict)
                Positional(b, args, 1, (s, first, _) => Seq(s, List(first, "the first argument"), (t, item) =>
                {
                    if (item.Kind == PyJsonKind.Array && item.Items.Count > 0)
                        PythonLiteral.Sequence(t, '{', '}', item.Items, PythonLiteral.Write, tuple: false);
                    else
                        t.Append("{}");
                }));
                break;
            case 124: // (float(a), complex(b)): Python's own float() and complex() parse the values
                b.Append("(float(");
                PythonLiteral.Write(b, Arg(args, 0));
                b.Append("), complex(");
                PythonLiteral.Write(b, Arg(args, 1));
                b.Append("))");
                break;
            case 252: // the argument, a string, becomes complex(...)
                b.Append("[complex(");
                PythonLiteral.Write(b, Arg(args, 0));
                b.Append(")]");
                break;
            case 278: // the first argument: its list items become tuples, then it becomes a tuple
                Positional(b, args, 1, (s, first, _) => Seq(s, List(first, "the first argument"),
                    (t, item) => Either(t, item, item.Kind == PyJsonKind.Array), tuple: true));
                break;
            case 307: // the first argument becomes a tuple; the other two unchanged
                Positional(b, args, 3, (s, arg, index) => Either(s, arg, index == 0));
                break;
            case 722: // the first argument is a dict: each value becomes a tuple; the rest unchanged
                Positional(b, args, args.Count, (s, arg, index) =>
                {
                    if (index > 0)
                        PythonLiteral.Write(s, arg);
                    else if (arg.Kind != PyJsonKind.Object)
                        throw new FormatException($"the first argument must be an object, found {Clip(arg.Raw)}");
                    else
                        PythonLiteral.Sequence(s, '{', '}', arg.Members, (t, member) =>
                        {
                            PythonLiteral.WriteString(t, member.Key);
                            t.Append(": ");
                            Tuple(t, member.Value);
                        }, tuple: false);
                });
                break;
            default:
                throw new InvalidOperationException($"Mbpp/{task} has no conversion rule");
        }
    }

    /// <summary>The first <paramref name="count"/> arguments (EvalPlus's rules drop any beyond those they name).</summary>
    private static void Positional(StringBuilder b, IReadOnlyList<PyJsonValue> args, int count, Action<StringBuilder, PyJsonValue, int> write)
    {
        var indexed = Enumerable.Range(0, count).Select(i => (Arg(args, i), i)).ToList();
        PythonLiteral.Sequence(b, '[', ']', indexed, (s, item) => write(s, item.Item1, item.i), tuple: false);
    }

    private static void Seq(StringBuilder b, IReadOnlyList<PyJsonValue> items, Action<StringBuilder, PyJsonValue> write, bool tuple = false) =>
        PythonLiteral.Sequence(b, tuple ? '(' : '[', tuple ? ')' : ']', items, write, tuple);

    /// <summary><c>tuple(x)</c> of a list.</summary>
    private static void Tuple(StringBuilder b, PyJsonValue value) =>
        PythonLiteral.Sequence(b, '(', ')', List(value, "a value converted to a tuple"), PythonLiteral.Write, tuple: true);

    private static void Either(StringBuilder b, PyJsonValue value, bool toTuple)
    {
        if (toTuple)
            Tuple(b, value);
        else
            PythonLiteral.Write(b, value);
    }

    /// <summary>Every list at any depth becomes a tuple.</summary>
    private static void Deep(StringBuilder b, PyJsonValue value)
    {
        if (value.Kind == PyJsonKind.Array)
            PythonLiteral.Sequence(b, '(', ')', value.Items, Deep, tuple: true);
        else
            PythonLiteral.Write(b, value);
    }

    private static IReadOnlyList<PyJsonValue> List(PyJsonValue value, string what) =>
        value.Kind == PyJsonKind.Array ? value.Items : throw new FormatException($"{what} must be a list, found {Clip(value.Raw)}");

    private static PyJsonValue Arg(IReadOnlyList<PyJsonValue> args, int index) =>
        index < args.Count ? args[index] : throw new FormatException($"the input has {args.Count} arguments, the conversion needs argument {index + 1}");

    private static string Clip(string raw) => raw.Length <= 80 ? raw : raw[..80] + "…";
}
