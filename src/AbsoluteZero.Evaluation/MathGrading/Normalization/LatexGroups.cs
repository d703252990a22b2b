namespace AbsoluteZero.Evaluation.MathGrading.Normalization;

/// <summary>Brace-aware scanning of LaTeX strings: balanced groups, commands with arguments, and separators that
/// sit at the top level (outside every bracket and environment).</summary>
public static class LatexGroups
{
    /// <summary>The index of the brace closing the one at <paramref name="open"/>, or -1 when unbalanced.</summary>
    public static int MatchingBrace(string s, int open)
    {
        var depth = 0;
        for (var i = open; i < s.Length; i++)
        {
            if (s[i] == '\\' && i + 1 < s.Length && (s[i + 1] == '{' || s[i + 1] == '}'))
            {
                i++;
                continue;
            }

            if (s[i] == '{')
                depth++;
            else if (s[i] == '}' && --depth == 0)
                return i;
        }

        return -1;
    }

    /// <summary>
    /// Replaces every <c>\command{argument}</c> (spaces allowed before the brace) with what
    /// <paramref name="replace"/> returns for the argument and the text after the group.
    /// </summary>
    public static string ReplaceCommand(string s, string command, Func<string, string, string> replace)
    {
        var marker = "\\" + command;
        var start = 0;
        while (true)
        {
            var at = s.IndexOf(marker, start, StringComparison.Ordinal);
            if (at < 0)
                return s;
            var after = at + marker.Length;
            if (after < s.Length && char.IsAsciiLetter(s[after]))
            {
                start = after;
                continue;
            }

            var open = after;
            while (open < s.Length && s[open] == ' ')
                open++;
            var close = open < s.Length && s[open] == '{' ? MatchingBrace(s, open) : -1;
            if (close < 0)
            {
                start = after;
                continue;
            }

            var replacement = replace(s[(open + 1)..close], s[(close + 1)..]);
            s = s[..at] + replacement + s[(close + 1)..];
            start = at + replacement.Length;
        }
    }

    /// <summary>Splits at top-level occurrences of any separator (outside (), [], {}, \begin…\end).</summary>
    public static List<string> SplitTopLevel(string s, params string[] separators)
    {
        var parts = new List<string>();
        var depth = 0;
        var environments = 0;
        var last = 0;
        for (var i = 0; i < s.Length; i++)
        {
            if (s[i] == '\\')
            {
                if (string.CompareOrdinal(s, i, "\\begin{", 0, 7) == 0)
                    environments++;
                else if (string.CompareOrdinal(s, i, "\\end{", 0, 5) == 0)
                    environments--;
                if (depth == 0 && environments == 0 && MatchesAt(s, i, separators) is { } command && command.StartsWith('\\'))
                {
                    parts.Add(s[last..i]);
                    last = i + command.Length;
                    i = last - 1;
                    continue;
                }

                // Skip the escaped character so \{ and \} count as brackets but \, does not split.
                if (i + 1 < s.Length && !char.IsAsciiLetter(s[i + 1]))
                {
                    if (s[i + 1] is '{' or '(' or '[')
                        depth++;
                    else if (s[i + 1] is '}' or ')' or ']')
                        depth--;
                    i++;
                }

                continue;
            }

            if (s[i] is '(' or '[' or '{')
                depth++;
            else if (s[i] is ')' or ']' or '}')
                depth--;
            else if (depth == 0 && environments == 0 && MatchesAt(s, i, separators) is { } separator)
            {
                parts.Add(s[last..i]);
                last = i + separator.Length;
                i = last - 1;
            }
        }

        parts.Add(s[last..]);
        return parts;
    }

    private static string? MatchesAt(string s, int i, string[] separators)
    {
        foreach (var separator in separators)
        {
            if (string.CompareOrdinal(s, i, separator, 0, separator.Length) != 0)
                continue;
            // A command separator must not be the prefix of a longer command (\in vs \infty).
            var end = i + separator.Length;
            if (separator.StartsWith('\\') && char.IsAsciiLetter(separator[^1]) && end < s.Length && char.IsAsciiLetter(s[end]))
                continue;
            return separator;
        }

        return null;
    }

    /// <summary>
    /// When the whole string is one bracketed group (its first opener closes at its last character), gives the
    /// opener (<c>(</c>, <c>[</c> or <c>{</c> for <c>\{</c>), the inside and the closer.
    /// </summary>
    public static bool TryUnwrapBrackets(string s, out char open, out string inner, out char close)
    {
        open = close = '\0';
        inner = "";
        s = s.Trim();
        var setBraces = s.StartsWith("\\{", StringComparison.Ordinal) && s.EndsWith("\\}", StringComparison.Ordinal);
        if (!setBraces && (s.Length < 2 || s[0] is not ('(' or '[') || s[^1] is not (')' or ']')))
            return false;
        var depth = 0;
        for (var i = 0; i < s.Length; i++)
        {
            var c = s[i];
            if (c == '\\' && i + 1 < s.Length && !char.IsAsciiLetter(s[i + 1]))
            {
                c = s[++i];
                if (c is not ('{' or '}'))
                    continue;
            }

            if (c is '(' or '[' or '{')
                depth++;
            else if (c is ')' or ']' or '}' && --depth == 0 && i < s.Length - 1)
                return false;
        }

        if (depth != 0)
            return false;
        if (setBraces)
        {
            open = '{';
            close = '}';
            inner = s[2..^2];
        }
        else
        {
            open = s[0];
            close = s[^1];
            inner = s[1..^1];
        }

        return true;
    }
}
