using System.Text.RegularExpressions;

namespace AbsoluteZero.Evaluation.MathGrading.Normalization;

/// <summary>
/// Rewrites an answer's LaTeX into one canonical spelling before parsing: display commands, spacing, thousands
/// separators, degree marks, percent signs, dollar signs, units and text wrappers go; <c>\dfrac</c>/<c>\tfrac</c>
/// become <c>\frac</c>; relation spellings (<c>\leq</c>, <c>\geqslant</c>, <c>&lt;=</c>) become one each. Every rule
/// applies equally to the model's answer and the reference, so it only has to make the two meet.
/// </summary>
public static partial class LatexNormalizer
{
    private static readonly (string From, string To)[] UnicodeSymbols =
    [
        ("−", "-"), ("–", "-"), ("×", "\\times "), ("·", "\\cdot "), ("÷", "\\div "), ("π", "\\pi "), ("∞", "\\infty "),
        ("√", "\\sqrt"), ("≤", "\\le "), ("≥", "\\ge "), ("≠", "\\ne "), ("≈", "\\approx "), ("∪", "\\cup "), ("∈", "\\in "),
        ("°", "^\\circ"), ("⋅", "\\cdot "), ("…", "\\ldots "), ("\u00a0", " "), ("θ", "\\theta "), ("α", "\\alpha "),
    ];

    private static readonly (string From, string To)[] Spellings =
    [
        ("\\dfrac", "\\frac"), ("\\tfrac", "\\frac"), ("\\cfrac", "\\frac"), ("\\dbinom", "\\binom"), ("\\tbinom", "\\binom"),
        ("\\leqslant", "\\le "), ("\\geqslant", "\\ge "), ("\\leq", "\\le "), ("\\geq", "\\ge "), ("\\neq", "\\ne "),
        ("\\lt", "<"), ("\\gt", ">"), ("<=", "\\le "), (">=", "\\ge "), ("!=", "\\ne "), ("=<", "\\le "), ("=>", "\\ge "),
        ("\\approx", "="), ("\\simeq", "="), ("\\equiv", "="), ("\\langle", "("), ("\\rangle", ")"),
        ("\\emptyset", "\\{\\}"), ("\\varnothing", "\\{\\}"), ("\\mathbb{R}", "(-\\infty,\\infty)"),
        ("\\mathbb R", "(-\\infty,\\infty)"), ("\\infin", "\\infty"), ("\\bmatrix", "\\pmatrix"),
        ("{bmatrix}", "{pmatrix}"), ("{vmatrix}", "{pmatrix}"), ("{smallmatrix}", "{pmatrix}"), ("{matrix}", "{pmatrix}"),
    ];

    public static NormalizedAnswer Normalize(string raw, bool mergeThousands = true, IReadOnlyList<string>? units = null)
    {
        var s = raw.Replace('\n', ' ').Replace('\r', ' ').Replace('\t', ' ');
        foreach (var (from, to) in UnicodeSymbols)
            s = s.Replace(from, to, StringComparison.Ordinal);
        s = UnwrapBoxes(s);
        s = s.Replace("\\$", "").Replace("$", "").Replace("\\(", "").Replace("\\)", "").Replace("\\[", "").Replace("\\]", "");
        s = s.Replace("{,}", "");
        s = ThousandsAfterThinSpace().Replace(s, "$1$2");
        s = SpacingCommands().Replace(s, " ");
        s = SizingCommands().Replace(s, "");
        s = s.Replace("\\left.", "").Replace("\\right.", "");
        s = LeftRight().Replace(s, "");
        foreach (var (from, to) in Spellings)
            s = s.Replace(from, to, StringComparison.Ordinal);
        s = s.Replace("\\begin{array}", "\\begin{pmatrix}");
        s = ArrayColumnSpec().Replace(s, "\\begin{pmatrix}");
        s = s.Replace("\\end{array}", "\\end{pmatrix}");
        s = Degrees().Replace(s, "");
        s = LetterTimesTen().Replace(s, "$1\\times ");
        s = LetterUnion().Replace(s, " \\cup ");

        var hasPercent = s.Contains('%') || PercentWord().IsMatch(s);
        s = s.Replace("\\%", "").Replace("%", "");
        s = PercentWord().Replace(s, "");

        s = LatexGroups.ReplaceCommand(s, "text", Connective);
        s = LatexGroups.ReplaceCommand(s, "mbox", Connective);
        s = UnitStripper.StripTrailing(s, units);
        s = UnwrapTextCommands(s);
        s = PlainConnective().Replace(s, ", ");
        s = CodePrefix().Replace(s, "");
        s = PlainFunction().Replace(s, "\\$1");
        s = InfinityWord().Replace(s, "\\infty");
        s = s.Replace("+\\infty", "\\infty").Replace("\\ldots", "").Replace("\\dots", "").Replace("\\cdots", "");

        s = Whitespace().Replace(s, " ").Trim();
        s = TrimPunctuation(s);
        s = UnitStripper.StripTrailing(s, units);
        if (mergeThousands)
            s = MergeThousands(s);
        return new NormalizedAnswer(s, hasPercent);
    }

    /// <summary>True when the answer holds a comma that <see cref="MergeThousands"/> would read as a thousands
    /// separator, so the grader also tries the other reading (a list of numbers).</summary>
    public static bool HasAmbiguousComma(string s) => CommaRun().Matches(s).Any(m => IsThousandsRun(m.Value));

    private static string UnwrapBoxes(string s)
    {
        foreach (var box in new[] { "boxed", "fbox", "framebox" })
            s = LatexGroups.ReplaceCommand(s, box, (content, _) => content);
        return BareBox().Replace(s, "");
    }

    // "12\text{ and }13" and "3 \text{ or } 5" are lists of answers.
    private static string Connective(string content, string rest) =>
        PlainConnectiveWhole().IsMatch(content) && rest.Trim().Length > 0 ? ", " : "\\text{" + content + "}";

    private static string UnwrapTextCommands(string s)
    {
        foreach (var command in new[] { "text", "textnormal", "textrm", "textbf", "textit", "mbox", "mathbf", "mathit", "mathsf", "boldsymbol", "bm" })
            s = LatexGroups.ReplaceCommand(s, command, (content, _) => content);
        // \mathrm{i}, \mathrm{e}, \mathrm{~cm}: keep single letters for the parser, drop spacing inside.
        s = LatexGroups.ReplaceCommand(s, "mathrm", (content, _) => content.Replace("~", " ").Trim());
        return s;
    }

    private static string TrimPunctuation(string s)
    {
        var text = s;
        while (text.Length > 0 && (text[^1] is '.' or ',' or ';' or ':' || text.EndsWith("\\\\", StringComparison.Ordinal)))
        {
            text = text.EndsWith("\\\\", StringComparison.Ordinal) ? text[..^2] : text[..^1];
            text = text.TrimEnd();
        }

        while (text.Length > 0 && text[0] is ':' or ',')
            text = text[1..].TrimStart();
        return text;
    }

    /// <summary>
    /// Joins digit groups written with commas (<c>58,500</c>, <c>12,000,003</c>). A comma run counts as thousands
    /// only if every group after the first has exactly three digits and no space follows the commas, so
    /// <c>27,54,108</c> and <c>2400, 1350</c> stay lists.
    /// </summary>
    private static string MergeThousands(string s) =>
        CommaRun().Replace(s, m => IsThousandsRun(m.Value) ? m.Value.Replace(",", "") : m.Value);

    private static bool IsThousandsRun(string run)
    {
        var groups = run.Split(',');
        if (groups.Length < 2 || groups[0].TrimStart('-').Length is < 1 or > 3)
            return false;
        for (var i = 1; i < groups.Length; i++)
        {
            var g = i == groups.Length - 1 ? groups[i].Split('.')[0] : groups[i];
            if (g.Length != 3 || (i < groups.Length - 1 && groups[i].Contains('.')))
                return false;
        }

        return true;
    }

    [GeneratedRegex(@"\\(boxed|fbox|framebox)(?![A-Za-z])\s*")]
    private static partial Regex BareBox();

    [GeneratedRegex(@"(\d),\\!\s*(\d)")]
    private static partial Regex ThousandsAfterThinSpace();

    [GeneratedRegex(@"(?<!\\)\\[,;:! ]|\\(q?quad|enspace|thinspace|medspace|thickspace|hfill|displaystyle|textstyle|scriptstyle|nonumber|notag)(?![A-Za-z])|~")]
    private static partial Regex SpacingCommands();

    [GeneratedRegex(@"\\[hv]space\*?\{[^{}]*\}|\\(bigl|bigr|Bigl|Bigr|biggl|biggr|Biggl|Biggr|bigg|Bigg|big|Big)(?![A-Za-z])")]
    private static partial Regex SizingCommands();

    [GeneratedRegex(@"\\(left|right)(?![A-Za-z])")]
    private static partial Regex LeftRight();

    [GeneratedRegex(@"\\begin\{pmatrix\}\s*\{[lcr|\s]*\}")]
    private static partial Regex ArrayColumnSpec();

    [GeneratedRegex(@"\^\s*\{\s*\\circ\s*\}|\^\s*\\circ|\\circ(?![A-Za-z])|\\degree(?![A-Za-z])|(?<=[\d}\s])\s*\\text\{\s*degrees?\s*\}")]
    private static partial Regex Degrees();

    // "3.3 x 10^{12}": a letter x between a number and a power of ten is a multiplication sign.
    [GeneratedRegex(@"(\d)\s*[xX]\s*(?=10\^)")]
    private static partial Regex LetterTimesTen();

    // "(-\infty, 2) U (3, \infty)": a capital U between intervals is a union.
    [GeneratedRegex(@"(?<=[)\]}])\s*(U|\\bigcup)\s*(?=[(\[]|\\\{)")]
    private static partial Regex LetterUnion();

    [GeneratedRegex(@"(?<![A-Za-z])(percent|pct)(?![A-Za-z])|\\text\{\s*(percent|pct)\s*\}")]
    private static partial Regex PercentWord();

    [GeneratedRegex(@"^\s*(and|or|,)\s*$")]
    private static partial Regex PlainConnectiveWhole();

    [GeneratedRegex(@"(?<=\S)\s+(and|or)\s+(?=\S)")]
    private static partial Regex PlainConnective();

    [GeneratedRegex(@"\b(np|math|sympy|sp)\.")]
    private static partial Regex CodePrefix();

    [GeneratedRegex(@"(?<![\\A-Za-z])(arcsin|arccos|arctan|sinh|cosh|tanh|sin|cos|tan|cot|sec|csc|ln|log|exp|sqrt)(?![A-Za-z])")]
    private static partial Regex PlainFunction();

    [GeneratedRegex(@"(?<![\\A-Za-z])(infinity|inf)(?![A-Za-z])")]
    private static partial Regex InfinityWord();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();

    [GeneratedRegex(@"(?<![\d.,])-?\d+(,\d+)+(\.\d+)?(?![\d,])")]
    private static partial Regex CommaRun();
}
