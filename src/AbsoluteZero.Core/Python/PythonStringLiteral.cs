using System.Globalization;
using System.Text;

namespace AbsoluteZero.Core.Python;

/// <summary>
/// Python <c>str</c> literals, both ways. Encoding is how Core hands model text to a trusted harness as data: the
/// text sits inside one quoted literal, so nothing in it can act as code or leave its argument position. Decoding
/// reads back a <c>repr(str)</c> that the sandbox returned.
/// </summary>
public static class PythonStringLiteral
{
    /// <summary>A single-quoted literal that evaluates to exactly <paramref name="text"/>, ASCII-safe for control characters and surrogates.</summary>
    public static string Encode(string text)
    {
        var sb = new StringBuilder(text.Length + 2);
        sb.Append('\'');
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            switch (c)
            {
                case '\\': sb.Append(@"\\"); break;
                case '\'': sb.Append(@"\'"); break;
                case '\n': sb.Append(@"\n"); break;
                case '\r': sb.Append(@"\r"); break;
                case '\t': sb.Append(@"\t"); break;
                default:
                    if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
                    {
                        sb.Append(CultureInfo.InvariantCulture, $"\\U{char.ConvertToUtf32(c, text[i + 1]):x8}");
                        i++;
                    }
                    else if (c < ' ' || c == '\x7f' || char.IsSurrogate(c) || c == '\u2028' || c == '\u2029')
                    {
                        sb.Append(CultureInfo.InvariantCulture, $"\\u{(int)c:x4}");
                    }
                    else
                    {
                        sb.Append(c);
                    }

                    break;
            }
        }

        sb.Append('\'');
        return sb.ToString();
    }

    /// <summary>Decodes one plain (unprefixed) single- or double-quoted literal, as <c>repr(str)</c> writes it.</summary>
    /// <exception cref="FormatException">The text is not one such literal.</exception>
    public static string Decode(string literal)
    {
        if (literal.Length < 2 || (literal[0] != '\'' && literal[0] != '"') || literal[^1] != literal[0])
            throw new FormatException($"not a Python string literal: {Preview(literal)}");
        var quote = literal[0];
        var sb = new StringBuilder(literal.Length);
        var end = literal.Length - 1;
        for (var i = 1; i < end; i++)
        {
            var c = literal[i];
            if (c == quote)
                throw new FormatException($"unescaped quote at {i} in {Preview(literal)}");
            if (c != '\\')
            {
                sb.Append(c);
                continue;
            }

            if (++i >= end)
                throw new FormatException($"dangling backslash in {Preview(literal)}");
            var e = literal[i];
            switch (e)
            {
                case '\\': sb.Append('\\'); break;
                case '\'': sb.Append('\''); break;
                case '"': sb.Append('"'); break;
                case 'n': sb.Append('\n'); break;
                case 'r': sb.Append('\r'); break;
                case 't': sb.Append('\t'); break;
                case 'a': sb.Append('\a'); break;
                case 'b': sb.Append('\b'); break;
                case 'f': sb.Append('\f'); break;
                case 'v': sb.Append('\v'); break;
                case '\n': break;
                case 'x': sb.Append((char)Hex(literal, ref i, 2)); break;
                case 'u': sb.Append((char)Hex(literal, ref i, 4)); break;
                case 'U':
                    var code = Hex(literal, ref i, 8);
                    if (code is >= 0xD800 and <= 0xDFFF)
                        sb.Append((char)code);
                    else
                        sb.Append(char.ConvertFromUtf32(code));
                    break;
                case >= '0' and <= '7':
                    var value = e - '0';
                    for (var n = 0; n < 2 && i + 1 < end && literal[i + 1] is >= '0' and <= '7'; n++)
                        value = value * 8 + (literal[++i] - '0');
                    sb.Append((char)value);
                    break;
                default:
                    // Python keeps unknown escapes verbatim, backslash included.
                    sb.Append('\\').Append(e);
                    break;
            }
        }

        return sb.ToString();
    }

    private static int Hex(string literal, ref int i, int digits)
    {
        if (i + digits >= literal.Length)
            throw new FormatException($"truncated escape in {Preview(literal)}");
        var value = long.Parse(literal.AsSpan(i + 1, digits), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture);
        if (value > 0x10FFFF)
            throw new FormatException($"code point out of range in {Preview(literal)}");
        i += digits;
        return (int)value;
    }

    private static string Preview(string s) => s.Length <= 60 ? s : s[..60] + "…";
}
