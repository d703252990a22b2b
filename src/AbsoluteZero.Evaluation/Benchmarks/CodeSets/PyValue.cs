using System.Text;
using System.Text.Json;

namespace AbsoluteZero.Evaluation.Benchmarks.CodeSets;

/// <summary>
/// A test input after MBPP+'s conversions: JSON values as the data has them, plus the Python-only shapes the
/// conversions build (tuples, sets, dicts of tuples, <c>float(…)</c>/<c>complex(…)</c> of a value). It is written
/// either as Python source (<see cref="ToPython"/>) or as the harness's transport, JSON with tagged objects
/// (<see cref="ToTransport"/>), which the harness reads with <c>json.loads</c> — much faster than Python's parser.
/// </summary>
public abstract record PyValue
{
    /// <summary>Keys of the one-member objects that stand for Python-only values in the transport (NUL never occurs in data).</summary>
    public const string TupleTag = "\u0000tuple", SetTag = "\u0000set", FloatTag = "\u0000float", ComplexTag = "\u0000complex";

    public sealed record Data(PyJsonValue Value) : PyValue;

    public sealed record List(IReadOnlyList<PyValue> Items) : PyValue;

    public sealed record Tuple(IReadOnlyList<PyValue> Items) : PyValue;

    public sealed record Set(IReadOnlyList<PyValue> Items) : PyValue;

    public sealed record Dict(IReadOnlyList<KeyValuePair<string, PyValue>> Members) : PyValue;

    /// <summary><c>float(value)</c> or <c>complex(value)</c>, evaluated by Python itself.</summary>
    public sealed record Call(string Function, PyJsonValue Argument) : PyValue;

    public string ToPython()
    {
        var builder = new StringBuilder();
        WritePython(builder, this);
        return builder.ToString();
    }

    public string ToTransport()
    {
        if (this is Data data)
            return data.Value.Raw;
        var builder = new StringBuilder();
        WriteTransport(builder, this);
        return builder.ToString();
    }

    private static void WritePython(StringBuilder b, PyValue value)
    {
        switch (value)
        {
            case Data data:
                PythonLiteral.Write(b, data.Value);
                break;
            case List list:
                PythonLiteral.Sequence(b, '[', ']', list.Items, WritePython, tuple: false);
                break;
            case Tuple tuple:
                PythonLiteral.Sequence(b, '(', ')', tuple.Items, WritePython, tuple: true);
                break;
            case Set { Items.Count: 0 }:
                b.Append("set()");
                break;
            case Set set:
                PythonLiteral.Sequence(b, '{', '}', set.Items, WritePython, tuple: false);
                break;
            case Dict dict:
                PythonLiteral.Sequence(b, '{', '}', dict.Members, (s, member) =>
                {
                    PythonLiteral.WriteString(s, member.Key);
                    s.Append(": ");
                    WritePython(s, member.Value);
                }, tuple: false);
                break;
            case Call call:
                b.Append(call.Function).Append('(');
                PythonLiteral.Write(b, call.Argument);
                b.Append(')');
                break;
        }
    }

    private static void WriteTransport(StringBuilder b, PyValue value)
    {
        switch (value)
        {
            case Data data:
                b.Append(data.Value.Raw);
                break;
            case List list:
                Array(b, list.Items);
                break;
            case Tuple tuple:
                Tagged(b, TupleTag, s => Array(s, tuple.Items));
                break;
            case Set set:
                Tagged(b, SetTag, s => Array(s, set.Items));
                break;
            case Dict dict:
                b.Append('{');
                for (var i = 0; i < dict.Members.Count; i++)
                {
                    if (i > 0)
                        b.Append(", ");
                    b.Append(JsonSerializer.Serialize(dict.Members[i].Key)).Append(": ");
                    WriteTransport(b, dict.Members[i].Value);
                }

                b.Append('}');
                break;
            case Call call:
                Tagged(b, call.Function == "float" ? FloatTag : ComplexTag, s => s.Append(call.Argument.Raw));
                break;
        }
    }

    private static void Array(StringBuilder b, IReadOnlyList<PyValue> items)
    {
        b.Append('[');
        for (var i = 0; i < items.Count; i++)
        {
            if (i > 0)
                b.Append(", ");
            WriteTransport(b, items[i]);
        }

        b.Append(']');
    }

    private static void Tagged(StringBuilder b, string tag, Action<StringBuilder> inner)
    {
        b.Append('{').Append(JsonSerializer.Serialize(tag)).Append(": ");
        inner(b);
        b.Append('}');
    }
}
