using System.Text.RegularExpressions;

namespace AbsoluteZero.Web.Components.Shared;

/// <summary>
/// Splits Python source into classed spans for the program viewer: comments, strings, numbers, keywords, builtins and
/// defined names. Rendered on the server as text (never as markup), so a hostile program stays inert.
/// </summary>
public static partial class PythonHighlighter
{
    private static readonly HashSet<string> Keywords =
    [
        "False", "None", "True", "and", "as", "assert", "async", "await", "break", "class", "continue", "def", "del", "elif", "else",
        "except", "finally", "for", "from", "global", "if", "import", "in", "is", "lambda", "nonlocal", "not", "or", "pass", "raise",
        "return", "try", "while", "with", "yield", "match", "case",
    ];

    private static readonly HashSet<string> Builtins =
    [
        "abs", "all", "any", "bin", "bool", "chr", "dict", "divmod", "enumerate", "filter", "float", "frozenset", "hash", "hex", "int",
        "isinstance", "len", "list", "map", "max", "min", "next", "ord", "pow", "print", "range", "repr", "reversed", "round", "set",
        "sorted", "str", "sum", "tuple", "type", "zip", "self",
    ];

    /// <summary>(css class or null for plain text, text) in source order; concatenated they give back the source.</summary>
    public static IEnumerable<(string? Class, string Text)> Spans(string source)
    {
        var at = 0;
        var afterDef = false;
        foreach (Match token in Token().Matches(source))
        {
            if (token.Index > at)
                yield return (null, source[at..token.Index]);
            at = token.Index + token.Length;
            string? css = token.Groups["comment"].Success ? "py-comment"
                : token.Groups["string"].Success ? "py-string"
                : token.Groups["number"].Success ? "py-number"
                : afterDef ? "py-def"
                : Keywords.Contains(token.Value) ? "py-keyword"
                : Builtins.Contains(token.Value) ? "py-builtin"
                : null;
            afterDef = token.Value is "def" or "class";
            yield return (css, token.Value);
        }

        if (at < source.Length)
            yield return (null, source[at..]);
    }

    [GeneratedRegex("""(?<comment>\#[^\n]*)|(?<string>[rRbBuUfF]{0,2}(?:\"\"\"[\s\S]*?\"\"\"|'''[\s\S]*?'''|"(?:\\.|[^"\\\n])*"|'(?:\\.|[^'\\\n])*'))|(?<number>\b\d[\d_]*(?:\.\d*)?(?:[eE][+-]?\d+)?j?\b)|(?<name>\b[A-Za-z_]\w*\b)""")]
    private static partial Regex Token();
}
