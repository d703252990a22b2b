using System.Text.RegularExpressions;
using AbsoluteZero.Evaluation.MathGrading.Expressions;
using AbsoluteZero.Evaluation.MathGrading.Normalization;

namespace AbsoluteZero.Evaluation.MathGrading.Answers;

/// <summary>Reads a normalised answer string into an <see cref="AnswerValue"/>, outermost structure first: membership
/// (<c>x \in S</c>), unions, lists, relations, brackets, matrices, base-n numbers, ± pairs, then expressions.</summary>
public static partial class AnswerParser
{
    private static readonly (string Token, RelationOperator Operator)[] RelationTokens =
    [
        ("\\le", RelationOperator.LessEqual), ("\\ge", RelationOperator.GreaterEqual), ("\\ne", RelationOperator.NotEqual),
        ("=", RelationOperator.Equal), ("<", RelationOperator.Less), (">", RelationOperator.Greater),
    ];

    public static AnswerValue Parse(NormalizedAnswer answer) => Parse(answer.Text, answer.HasPercent);

    // Longer or deeper "answers" are compared as text: a hostile line must not cost seconds or the stack.
    private const int MaxLength = 4000;
    private const int MaxDepth = 40;

    public static AnswerValue Parse(string text, bool hasPercent) => Parse(text, hasPercent, 0);

    private static AnswerValue Parse(string text, bool hasPercent, int depth)
    {
        var s = UnitStripper.StripTrailing(text.Trim());
        if (s.Length == 0 || s.Length > MaxLength || depth > MaxDepth)
            return new TextAnswer(s);
        AnswerValue Inner(string part) => Parse(part, hasPercent, depth + 1);

        var membership = LatexGroups.SplitTopLevel(s, "\\in");
        if (membership.Count == 2 && NamePattern().IsMatch(membership[0].Replace(" ", "")))
            return Inner(membership[1]);

        var union = LatexGroups.SplitTopLevel(s, "\\cup");
        if (union.Count > 1)
            return new UnionAnswer(s, union.Select(Inner).ToList());

        var items = LatexGroups.SplitTopLevel(s, ",", ";");
        if (items.Count > 1)
            return new CollectionAnswer(s, false, ParseItems(items, Inner));

        if (TryParseRelation(s, Inner) is { } relation)
            return relation;

        if (LatexGroups.TryUnwrapBrackets(s, out var open, out var inner, out var close))
        {
            var parts = inner.Trim().Length == 0 ? [] : LatexGroups.SplitTopLevel(inner, ",", ";");
            if (open == '{')
                return new CollectionAnswer(s, true, ParseItems(parts, Inner));
            if (parts.Count > 1)
                return new TupleAnswer(s, open, close, parts.Select(Inner).ToList());
            if (open == '(' && close == ')' || open == '[' && close == ']')
                return Inner(inner);
        }

        if (s.StartsWith("\\begin{pmatrix}", StringComparison.Ordinal) && s.EndsWith("\\end{pmatrix}", StringComparison.Ordinal))
            return ParseMatrix(s, Inner);

        if (BaseNumber().Match(s.Replace(" ", "")) is { Success: true } based)
            return new BaseNumberAnswer(s, based.Groups["digits"].Value, based.Groups["base"].Value);

        if (PlusMinus(s) is { } pair)
            return new CollectionAnswer(s, false, pair.Select(Inner).ToList());

        if (Word().IsMatch(s))
            return new TextAnswer(s);

        return ExpressionParser.TryParse(s) is { } expr ? new ExpressionAnswer(s, expr, hasPercent) : new TextAnswer(s);
    }

    /// <summary>List items, with <c>a \pm b</c> items expanded in place: <c>\{1\pm\sqrt{5}, -2\}</c> has three.</summary>
    private static List<AnswerValue> ParseItems(IEnumerable<string> items, Func<string, AnswerValue> parse)
    {
        var values = new List<AnswerValue>();
        foreach (var item in items.Where(i => i.Trim().Length > 0))
        {
            var value = parse(item);
            if (value is CollectionAnswer { IsSet: false } nested && PlusMinus(item.Trim()) is not null)
                values.AddRange(nested.Items);
            else
                values.Add(value);
        }

        return values;
    }

    private static string[]? PlusMinus(string s)
    {
        if (!s.Contains("\\pm", StringComparison.Ordinal) && !s.Contains("\\mp", StringComparison.Ordinal))
            return null;
        return
        [
            s.Replace("\\pm", "+").Replace("\\mp", "-"),
            s.Replace("\\pm", "-").Replace("\\mp", "+"),
        ];
    }

    private static RelationAnswer? TryParseRelation(string s, Func<string, AnswerValue> parse)
    {
        var tokens = RelationTokens.Select(t => t.Token).ToArray();
        var sides = LatexGroups.SplitTopLevel(s, tokens);
        if (sides.Count < 2 || sides.Any(side => side.Trim().Length == 0))
            return null;

        // Recover which operator sat between each pair of sides from the text between them.
        var operators = new List<RelationOperator>();
        var position = sides[0].Length;
        for (var i = 1; i < sides.Count; i++)
        {
            var (token, op) = RelationTokens.First(t => string.CompareOrdinal(s, position, t.Token, 0, t.Token.Length) == 0);
            operators.Add(op);
            position += token.Length + sides[i].Length;
        }

        return new RelationAnswer(s, sides.Select(parse).ToList(), operators);
    }

    private static MatrixAnswer ParseMatrix(string s, Func<string, AnswerValue> parse)
    {
        var body = s["\\begin{pmatrix}".Length..^"\\end{pmatrix}".Length];
        var rows = LatexGroups.SplitTopLevel(body, "\\\\")
            .Where(row => row.Trim().Length > 0)
            .Select(row => (IReadOnlyList<AnswerValue>)LatexGroups.SplitTopLevel(row, "&").Select(parse).ToList())
            .ToList();
        return new MatrixAnswer(s, rows);
    }

    /// <summary>Whether a side of an equation names the unknown (<c>y</c>, <c>f(x)</c>, <c>x_1</c>,
    /// <c>m_{\max}</c>, <c>\angle ABC</c>, <c>(x, y)</c>) rather than stating a value.</summary>
    public static bool IsName(AnswerValue value) => value switch
    {
        TupleAnswer t => t.Items.All(IsName),
        _ => NamePattern().IsMatch(value.Text.Replace(" ", "")),
    };

    [GeneratedRegex(@"^(\\angle[A-Za-z_{}0-9]+|(\\[A-Za-z]+|[A-Za-z])(_(\{[^{}]*\}|[A-Za-z0-9]|\\[A-Za-z]+))?('|\^\{?\\prime\}?)*(\([^()]*\))?)$")]
    private static partial Regex NamePattern();

    [GeneratedRegex(@"^(?<digits>\d[0-9A-F]*)_\{?(?<base>\d+)\}?$")]
    private static partial Regex BaseNumber();

    // Plain words (an answer like "east" or "Evelyn") are text, not a product of single-letter variables.
    [GeneratedRegex(@"^[A-Za-z]{3,}( [A-Za-z]+)*$")]
    private static partial Regex Word();
}
