namespace AbsoluteZero.Core.Python;

/// <summary>
/// Python's <c>str.strip()</c> family with Python's idea of whitespace (<c>str.isspace</c>), so text cut out of model
/// output is trimmed exactly as the reference trims it. .NET's <see cref="char.IsWhiteSpace(char)"/> disagrees on
/// the information separators U+001C–U+001F, which Python strips.
/// </summary>
public static class PythonText
{
    public static bool IsSpace(char c) => c switch
    {
        '\t' or '\n' or '\v' or '\f' or '\r' or ' ' => true,
        >= '\x1c' and <= '\x1f' => true,
        '\x85' or '\xa0' or '\u1680' or '\u2028' or '\u2029' or '\u202f' or '\u205f' or '\u3000' => true,
        >= '\u2000' and <= '\u200a' => true,
        _ => false,
    };

    /// <summary><c>s.strip()</c></summary>
    public static string Strip(string s)
    {
        var start = 0;
        var end = s.Length;
        while (start < end && IsSpace(s[start]))
            start++;
        while (end > start && IsSpace(s[end - 1]))
            end--;
        return s[start..end];
    }

    /// <summary><c>s.strip(chars)</c>: removes any of <paramref name="chars"/> from both ends.</summary>
    public static string Strip(string s, string chars)
    {
        var start = 0;
        var end = s.Length;
        while (start < end && chars.Contains(s[start]))
            start++;
        while (end > start && chars.Contains(s[end - 1]))
            end--;
        return s[start..end];
    }
}
