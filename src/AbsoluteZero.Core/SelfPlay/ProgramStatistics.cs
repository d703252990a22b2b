using System.Text;
using System.Text.RegularExpressions;

namespace AbsoluteZero.Core.SelfPlay;

/// <summary>The shape of one program: non-blank lines, deepest block nesting, and a cognitive-complexity proxy.</summary>
public sealed record ProgramShape(int Lines, int Depth, int Complexity);

/// <summary>
/// Cheap stand-ins for the program statistics the paper plots (AZR.md §3.5, §9: line counts, ComplexiPy cognitive
/// complexity), computed from the text in C# without Python. Strings and comments are blanked out first so their
/// words do not count. <see cref="ProgramShape.Depth"/> is the deepest indentation level of a logical line (the
/// <c>def</c> line is level 0, its body 1). <see cref="ProgramShape.Complexity"/> follows cognitive complexity's rules
/// on the words it can see: +1 for each <c>if</c>/<c>for</c>/<c>while</c>/<c>except</c> statement plus its nesting
/// (enclosing levels beyond the function body), +1 for each <c>elif</c>/<c>else</c>, +1 for each conditional
/// expression or comprehension clause inside a line, and +1 for each run of one boolean operator.
/// </summary>
public static partial class ProgramStatistics
{
    public static ProgramShape Measure(string program)
    {
        var lines = program.Split('\n').Count(l => !string.IsNullOrWhiteSpace(l));
        var indents = new Stack<int>();
        int depth = 0, complexity = 0;
        foreach (var (indent, code) in LogicalLines(program))
        {
            while (indents.Count > 0 && indents.Peek() >= indent)
                indents.Pop();
            var level = indents.Count;
            indents.Push(indent);
            depth = Math.Max(depth, level);
            complexity += LineComplexity(code, nesting: Math.Max(0, level - 1));
        }

        return new ProgramShape(lines, depth, complexity);
    }

    private static int LineComplexity(string code, int nesting)
    {
        var words = Keywords().Matches(code).Select(m => m.Value).ToList();
        var score = 0;
        var first = 0;
        if (StatementKeyword().Match(code) is { Success: true } statement)
        {
            score += statement.Groups[1].Value is "elif" or "else" ? 1 : 1 + nesting;
            first = 1;
        }

        string? lastOperator = null;
        foreach (var word in words.Skip(first))
        {
            if (word is "and" or "or")
            {
                if (word != lastOperator)
                    score++;
                lastOperator = word;
                continue;
            }

            lastOperator = null;
            if (word is "if" or "for")
                score++;
        }

        return score;
    }

    /// <summary>
    /// Each logical line's indentation (tabs to multiples of 8, as Python reads them) and its code with string
    /// contents and comments removed; lines continued inside brackets or strings are joined to the line they belong to.
    /// </summary>
    private static IEnumerable<(int Indent, string Code)> LogicalLines(string program)
    {
        var code = new StringBuilder();
        var indent = -1;
        var brackets = 0;
        char? quote = null;
        var triple = false;
        var text = program.Replace("\r\n", "\n");
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quote is { } q)
            {
                if (c == '\\')
                    i++;
                else if (c == q && (!triple || (i + 2 < text.Length && text[i + 1] == q && text[i + 2] == q)))
                {
                    if (triple)
                        i += 2;
                    quote = null;
                    code.Append("\"\"");
                }
                else if (c == '\n' && !triple)
                    quote = null;
                continue;
            }

            if (indent < 0)
            {
                if (c is ' ' or '\t' || c == '\n')
                    continue;
                indent = Indentation(text, i);
            }

            switch (c)
            {
                case '#':
                    while (i + 1 < text.Length && text[i + 1] != '\n')
                        i++;
                    continue;
                case '\'' or '"':
                    quote = c;
                    triple = i + 2 < text.Length && text[i + 1] == c && text[i + 2] == c;
                    if (triple)
                        i += 2;
                    continue;
                case '(' or '[' or '{':
                    brackets++;
                    break;
                case ')' or ']' or '}':
                    brackets = Math.Max(0, brackets - 1);
                    break;
                case '\\' when i + 1 < text.Length && text[i + 1] == '\n':
                    i++;
                    code.Append(' ');
                    continue;
                case '\n' when brackets == 0:
                    if (code.ToString().Trim().Length > 0)
                        yield return (indent, code.ToString());
                    code.Clear();
                    indent = -1;
                    continue;
            }

            code.Append(c == '\n' ? ' ' : c);
        }

        if (indent >= 0 && code.ToString().Trim().Length > 0)
            yield return (indent, code.ToString());
    }

    private static int Indentation(string text, int firstCode)
    {
        var lineStart = firstCode == 0 ? 0 : text.LastIndexOf('\n', firstCode - 1) + 1;
        var column = 0;
        for (var i = lineStart; i < firstCode; i++)
            column = text[i] == '\t' ? (column / 8 + 1) * 8 : column + 1;
        return column;
    }

    [GeneratedRegex(@"\b(if|elif|else|for|while|except|and|or)\b", RegexOptions.CultureInvariant)]
    private static partial Regex Keywords();

    [GeneratedRegex(@"^\s*(if|elif|else|for|while|except)\b", RegexOptions.CultureInvariant)]
    private static partial Regex StatementKeyword();
}
