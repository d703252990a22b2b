using System.Globalization;
using System.Text;

namespace AbsoluteZero.Evaluation.Benchmarks.CodeSets;

/// <summary>The kinds of value Python's <c>json.loads</c> yields.</summary>
public enum PyJsonKind { Object, Array, String, Number, True, False, Null, NaN, Infinity, NegativeInfinity }

/// <summary>
/// One parsed value, kept the way Python's <c>json</c> module reads it: numbers as their exact source text (ints of any
/// size, floats parsed by Python itself), strings decoded with Python's rules (lone surrogates survive), objects as
/// ordered pairs. <see cref="Raw"/> is the value's source text, for showing a failing input exactly as the data has it.
/// </summary>
public sealed class PyJsonValue
{
    private readonly string _source;
    private readonly int _start;
    private readonly int _end;

    internal PyJsonValue(PyJsonKind kind, string source, int start, int end)
    {
        Kind = kind;
        _source = source;
        _start = start;
        _end = end;
    }

    public PyJsonKind Kind { get; }

    /// <summary>Decoded text of a string; the source text of a number.</summary>
    public string Text { get; internal init; } = "";

    public IReadOnlyList<PyJsonValue> Items { get; internal init; } = [];

    public IReadOnlyList<KeyValuePair<string, PyJsonValue>> Members { get; internal init; } = [];

    public string Raw => _source[_start.._end];

    /// <summary>One-based line of the source text where this value starts.</summary>
    public int Line
    {
        get
        {
            var line = 1;
            for (var i = _source.IndexOf('\n'); i >= 0 && i < _start; i = _source.IndexOf('\n', i + 1))
                line++;
            return line;
        }
    }

    public PyJsonValue? this[string key] => Members.LastOrDefault(m => m.Key == key).Value;

    public bool IsInteger => Kind == PyJsonKind.Number && Text.IndexOfAny(['.', 'e', 'E']) < 0;
}

/// <summary>A text that is not JSON as Python's <c>json.loads</c> accepts it; <see cref="Offset"/> is where it broke.</summary>
public sealed class PyJsonException(string message, int offset) : Exception(message)
{
    public int Offset { get; } = offset;
}

/// <summary>
/// A parser for the JSON dialect of Python's <c>json</c> module: standard JSON plus the bare constants <c>NaN</c>,
/// <c>Infinity</c> and <c>-Infinity</c> that MBPP+'s inputs contain (System.Text.Json refuses those).
/// </summary>
public static class PyJson
{
    private const int MaxDepth = 512;

    public static PyJsonValue Parse(string text)
    {
        var reader = new Reader(text);
        reader.SkipSpace();
        var value = reader.Value(0);
        reader.SkipSpace();
        if (!reader.AtEnd)
            throw reader.Error("extra data after the JSON value");
        return value;
    }

    private sealed class Reader(string text)
    {
        private int _at;

        public bool AtEnd => _at >= text.Length;

        public PyJsonException Error(string what) => new($"{what} at character {_at + 1}", _at);

        public void SkipSpace()
        {
            while (_at < text.Length && text[_at] is ' ' or '\t' or '\n' or '\r')
                _at++;
        }

        public PyJsonValue Value(int depth)
        {
            if (depth > MaxDepth)
                throw Error("nesting deeper than 512 levels");
            if (AtEnd)
                throw Error("unexpected end of text");
            var start = _at;
            switch (text[_at])
            {
                case '{':
                    return Object(depth);
                case '[':
                    return Array(depth);
                case '"':
                    var decoded = String();
                    return new PyJsonValue(PyJsonKind.String, text, start, _at) { Text = decoded };
                case 't':
                    return Word("true", PyJsonKind.True);
                case 'f':
                    return Word("false", PyJsonKind.False);
                case 'n':
                    return Word("null", PyJsonKind.Null);
                case 'N':
                    return Word("NaN", PyJsonKind.NaN);
                case 'I':
                    return Word("Infinity", PyJsonKind.Infinity);
                case '-' when string.CompareOrdinal(text, _at, "-Infinity", 0, 9) == 0:
                    return Word("-Infinity", PyJsonKind.NegativeInfinity);
                default:
                    return Number();
            }
        }

        private PyJsonValue Word(string word, PyJsonKind kind)
        {
            if (string.CompareOrdinal(text, _at, word, 0, word.Length) != 0)
                throw Error("unexpected character");
            var start = _at;
            _at += word.Length;
            return new PyJsonValue(kind, text, start, _at);
        }

        private PyJsonValue Number()
        {
            var start = _at;
            if (Peek('-'))
                _at++;
            if (Peek('0'))
                _at++;
            else if (!Digits())
                throw Error("expected a value");
            if (Peek('.'))
            {
                _at++;
                if (!Digits())
                    throw Error("expected digits after the decimal point");
            }

            if (Peek('e') || Peek('E'))
            {
                _at++;
                if (Peek('+') || Peek('-'))
                    _at++;
                if (!Digits())
                    throw Error("expected digits in the exponent");
            }

            return new PyJsonValue(PyJsonKind.Number, text, start, _at) { Text = text[start.._at] };
        }

        private bool Digits()
        {
            var start = _at;
            while (_at < text.Length && char.IsAsciiDigit(text[_at]))
                _at++;
            return _at > start;
        }

        private bool Peek(char c) => _at < text.Length && text[_at] == c;

        private string String()
        {
            _at++;
            var builder = new StringBuilder();
            while (true)
            {
                if (AtEnd)
                    throw Error("unterminated string");
                var c = text[_at++];
                if (c == '"')
                    return builder.ToString();
                if (c < 0x20)
                    throw Error("control character in a string");
                if (c != '\\')
                {
                    builder.Append(c);
                    continue;
                }

                if (AtEnd)
                    throw Error("unterminated string");
                var escape = text[_at++];
                switch (escape)
                {
                    case '"' or '\\' or '/':
                        builder.Append(escape);
                        break;
                    case 'b': builder.Append('\b'); break;
                    case 'f': builder.Append('\f'); break;
                    case 'n': builder.Append('\n'); break;
                    case 'r': builder.Append('\r'); break;
                    case 't': builder.Append('\t'); break;
                    case 'u':
                        if (_at + 4 > text.Length || !ushort.TryParse(text.AsSpan(_at, 4), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var unit))
                            throw Error("bad \\u escape");
                        _at += 4;
                        builder.Append((char)unit);
                        break;
                    default:
                        throw Error($"invalid escape '\\{escape}'");
                }
            }
        }

        private PyJsonValue Array(int depth)
        {
            var start = _at++;
            var items = new List<PyJsonValue>();
            SkipSpace();
            if (Peek(']'))
            {
                _at++;
                return new PyJsonValue(PyJsonKind.Array, text, start, _at) { Items = items };
            }

            while (true)
            {
                SkipSpace();
                items.Add(Value(depth + 1));
                SkipSpace();
                if (Peek(','))
                {
                    _at++;
                    continue;
                }

                if (!Peek(']'))
                    throw Error("expected ',' or ']'");
                _at++;
                return new PyJsonValue(PyJsonKind.Array, text, start, _at) { Items = items };
            }
        }

        private PyJsonValue Object(int depth)
        {
            var start = _at++;
            var members = new List<KeyValuePair<string, PyJsonValue>>();
            SkipSpace();
            if (Peek('}'))
            {
                _at++;
                return new PyJsonValue(PyJsonKind.Object, text, start, _at) { Members = members };
            }

            while (true)
            {
                SkipSpace();
                if (!Peek('"'))
                    throw Error("expected a string key");
                var key = String();
                SkipSpace();
                if (!Peek(':'))
                    throw Error("expected ':'");
                _at++;
                SkipSpace();
                members.Add(new(key, Value(depth + 1)));
                SkipSpace();
                if (Peek(','))
                {
                    _at++;
                    continue;
                }

                if (!Peek('}'))
                    throw Error("expected ',' or '}'");
                _at++;
                return new PyJsonValue(PyJsonKind.Object, text, start, _at) { Members = members };
            }
        }
    }
}
