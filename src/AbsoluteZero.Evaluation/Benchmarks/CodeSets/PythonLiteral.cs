using System.Globalization;
using System.Text;

namespace AbsoluteZero.Evaluation.Benchmarks.CodeSets;

/// <summary>
/// Writes Python source for values, so that evaluating it gives exactly what Python's <c>json.loads</c> gives for the
/// same data (lists, dicts, ints of any size, floats parsed by Python from the same digits, NaN and infinities).
/// Strings come out as pure-ASCII literals, so the text survives any transport unchanged.
/// </summary>
public static class PythonLiteral
{
    public static string Of(PyJsonValue value)
    {
        var builder = new StringBuilder();
        Write(builder, value);
        return builder.ToString();
    }

    public static void Write(StringBuilder builder, PyJsonValue value)
    {
        switch (value.Kind)
        {
            case PyJsonKind.Object:
                builder.Append('{');
                for (var i = 0; i < value.Members.Count; i++)
                {
                    if (i > 0)
                        builder.Append(", ");
                    WriteString(builder, value.Members[i].Key);
                    builder.Append(": ");
                    Write(builder, value.Members[i].Value);
                }

                builder.Append('}');
                break;
            case PyJsonKind.Array:
                Sequence(builder, '[', ']', value.Items, Write, tuple: false);
                break;
            case PyJsonKind.String:
                WriteString(builder, value.Text);
                break;
            case PyJsonKind.Number:
                builder.Append(value.Text);
                break;
            case PyJsonKind.True:
                builder.Append("True");
                break;
            case PyJsonKind.False:
                builder.Append("False");
                break;
            case PyJsonKind.Null:
                builder.Append("None");
                break;
            case PyJsonKind.NaN:
                builder.Append("float('nan')");
                break;
            case PyJsonKind.Infinity:
                builder.Append("float('inf')");
                break;
            case PyJsonKind.NegativeInfinity:
                builder.Append("float('-inf')");
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(value), value.Kind, null);
        }
    }

    /// <summary>A list display (<c>[a, b]</c>) or tuple display (<c>()</c>, <c>(a,)</c>, <c>(a, b)</c>).</summary>
    public static void Sequence<T>(StringBuilder builder, char open, char close, IReadOnlyList<T> items, Action<StringBuilder, T> write, bool tuple)
    {
        builder.Append(open);
        for (var i = 0; i < items.Count; i++)
        {
            if (i > 0)
                builder.Append(", ");
            write(builder, items[i]);
        }

        if (tuple && items.Count == 1)
            builder.Append(',');
        builder.Append(close);
    }

    public static string String(string text)
    {
        var builder = new StringBuilder(text.Length + 2);
        WriteString(builder, text);
        return builder.ToString();
    }

    /// <summary>A single-quoted ASCII literal; lone surrogates stay lone surrogates, as Python's json keeps them.</summary>
    public static void WriteString(StringBuilder builder, string text)
    {
        builder.Append('\'');
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            switch (c)
            {
                case '\\': builder.Append(@"\\"); break;
                case '\'': builder.Append(@"\'"); break;
                case '\n': builder.Append(@"\n"); break;
                case '\r': builder.Append(@"\r"); break;
                case '\t': builder.Append(@"\t"); break;
                default:
                    if (c >= 0x20 && c < 0x7f)
                        builder.Append(c);
                    else if (c < 0x100)
                        builder.Append(CultureInfo.InvariantCulture, $"\\x{(int)c:x2}");
                    else if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
                        builder.Append(CultureInfo.InvariantCulture, $"\\U{char.ConvertToUtf32(c, text[++i]):x8}");
                    else
                        builder.Append(CultureInfo.InvariantCulture, $"\\u{(int)c:x4}");
                    break;
            }
        }

        builder.Append('\'');
    }
}
