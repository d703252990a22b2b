using AbsoluteZero.Evaluation.MathGrading.Expressions;

namespace AbsoluteZero.Evaluation.MathGrading.Answers;

/// <summary>
/// Compares a predicted answer with a reference by shape: tuples in order, lists and sets in any order, intervals
/// with their brackets, unions part by part, equations up to scaling and sides, inequalities up to positive scaling
/// (and against the interval they describe), matrices cell by cell, expressions by value, text by its words.
/// </summary>
public sealed class AnswerEquivalence(GradingTolerance tolerance)
{
    // Longer lists are compared only as text (the first check in AreEqual): matching is quadratic.
    private const int MaxMatchedItems = 200;

    public bool AreEqual(AnswerValue predicted, AnswerValue reference)
    {
        if (Compact(predicted.Text) == Compact(reference.Text))
            return true;
        // One answer given in several equal forms ("\frac{3}{4} or 0.75") is that answer.
        if (predicted is CollectionAnswer { IsSet: false } forms && reference is ExpressionAnswer or TextAnswer or BaseNumberAnswer)
            return forms.Items.Count > 0 && forms.Items.All(item => AreEqual(item, reference));
        if (reference is CollectionAnswer { Items.Count: 1 } only && predicted is not CollectionAnswer)
            return AreEqual(predicted, only.Items[0]);

        return (predicted, reference) switch
        {
            (TextAnswer, _) or (_, TextAnswer) => Words(predicted.Text) == Words(reference.Text),
            (BaseNumberAnswer a, BaseNumberAnswer b) => a.Digits == b.Digits && a.Base == b.Base,
            (BaseNumberAnswer a, ExpressionAnswer e) => Compact(e.Text) == a.Digits,
            (ExpressionAnswer e, BaseNumberAnswer b) => Compact(e.Text) == b.Digits,
            (ExpressionAnswer a, ExpressionAnswer b) => ExpressionsEqual(a, b),
            (RelationAnswer a, RelationAnswer b) => RelationsEqual(a, b),
            (RelationAnswer a, _) => RelationMatchesValue(a, reference) || ComputedValueMatches(a, reference),
            (_, RelationAnswer b) => RelationMatchesValue(b, predicted),
            (TupleAnswer a, TupleAnswer b) => a.Open == b.Open && a.Close == b.Close && InOrder(a.Items, b.Items),
            (CollectionAnswer a, CollectionAnswer b) => AnyOrder(a.Items, b.Items),
            // A tuple against a bare list or set: the model dropped or changed the brackets; keep the order.
            (TupleAnswer { Open: '(', Close: ')' } t, CollectionAnswer c) => InOrder(t.Items, c.Items),
            (CollectionAnswer c, TupleAnswer { Open: '(', Close: ')' } t) => InOrder(c.Items, t.Items),
            (UnionAnswer a, UnionAnswer b) => AnyOrder(a.Parts, b.Parts),
            // "x < 2 or x > 3" describes the union (-\infty, 2) \cup (3, \infty).
            (CollectionAnswer c, UnionAnswer u) => Intervals(c) is { } parts && AnyOrder(parts, u.Parts),
            (UnionAnswer u, CollectionAnswer c) => Intervals(c) is { } parts && AnyOrder(u.Parts, parts),
            (MatrixAnswer a, MatrixAnswer b) => a.Rows.Count == b.Rows.Count && a.Rows.Zip(b.Rows).All(r => InOrder(r.First, r.Second)),
            (MatrixAnswer m, TupleAnswer t) => VectorEquals(m, t),
            (TupleAnswer t, MatrixAnswer m) => VectorEquals(m, t),
            _ => false,
        };
    }

    private bool ExpressionsEqual(ExpressionAnswer a, ExpressionAnswer b)
    {
        if (ExpressionEquivalence.AreEqual(a.Expression, b.Expression, tolerance))
            return true;
        if (!a.HasPercent && !b.HasPercent)
            return false;
        // The Qwen2.5-Math grader accepts a percentage against its fraction either way round: 50\% = 0.5 = 50.
        var hundred = new NumberExpr(Rational.FromInteger(100), false);
        return ExpressionEquivalence.AreEqual(a.Expression, new BinaryExpr(BinaryOperator.Multiply, b.Expression, hundred), tolerance)
               || ExpressionEquivalence.AreEqual(new BinaryExpr(BinaryOperator.Multiply, a.Expression, hundred), b.Expression, tolerance);
    }

    /// <summary><c>y = 2x + 1</c> against a bare <c>2x + 1</c>: when the left side names the unknown, the answer is
    /// the last right side (so <c>x = 5 + 6 = 11</c> answers 11). An inequality in one variable meets an interval.</summary>
    private bool RelationMatchesValue(RelationAnswer relation, AnswerValue value)
    {
        if (relation.Operators.All(o => o == RelationOperator.Equal) && AnswerParser.IsName(relation.Sides[0]))
            return AreEqual(relation.Sides[^1], value);
        return IntervalOf(relation) is { } interval && value is TupleAnswer && AreEqual(interval, value);
    }

    /// <summary>A predicted <c>m + n = 25</c> against a reference 25: the model states the value it computed. Only
    /// for predictions, and only when that value has no unknowns (a reference <c>7 = 11a+c</c> is not <c>11a+c</c>).</summary>
    private bool ComputedValueMatches(RelationAnswer predicted, AnswerValue reference)
    {
        if (predicted.Operators.Any(o => o != RelationOperator.Equal) || predicted.Sides[^1] is not ExpressionAnswer value)
            return false;
        var symbols = new HashSet<string>();
        ExpressionFacts.CollectSymbols(value.Expression, symbols);
        return symbols.Count == 0 && AreEqual(value, reference);
    }

    private bool RelationsEqual(RelationAnswer a, RelationAnswer b)
    {
        var (sidesA, opsA) = Oriented(a);
        var (sidesB, opsB) = Oriented(b);
        if (opsA.Count == 1 && opsB.Count == 1)
        {
            if (opsA[0] != opsB[0])
                return false;
            if (opsA[0] == RelationOperator.Equal && AnswerParser.IsName(sidesA[0]) && AnswerParser.IsName(sidesB[0])
                && Compact(sidesA[0].Text) == Compact(sidesB[0].Text) && AreEqual(sidesA[1], sidesB[1]))
                return true;
            var positive = opsA[0] is RelationOperator.Less or RelationOperator.LessEqual;
            return DifferenceIsMultiple(sidesA, sidesB, positive) ?? (AreEqual(sidesA[0], sidesB[0]) && AreEqual(sidesA[1], sidesB[1]));
        }

        if (opsA.SequenceEqual(opsB) && InOrder(sidesA, sidesB))
            return true;
        return IntervalOf(a) is { } ia && IntervalOf(b) is { } ib && AreEqual(ia, ib);
    }

    /// <summary>Whether right − left of one relation is a constant multiple of the other's (positive for
    /// inequalities, which must keep their direction). Null when the sides are not expressions.</summary>
    private static bool? DifferenceIsMultiple(IReadOnlyList<AnswerValue> a, IReadOnlyList<AnswerValue> b, bool positive)
    {
        if (a[0] is not ExpressionAnswer la || a[1] is not ExpressionAnswer ra || b[0] is not ExpressionAnswer lb || b[1] is not ExpressionAnswer rb)
            return null;
        var da = new BinaryExpr(BinaryOperator.Subtract, ra.Expression, la.Expression);
        var db = new BinaryExpr(BinaryOperator.Subtract, rb.Expression, lb.Expression);
        return ExpressionEquivalence.IsConstantMultiple(da, db, positive);
    }

    /// <summary>Rewrites &gt; and ≥ chains as &lt; and ≤ by reversing them, so <c>x \ge 5</c> reads <c>5 \le x</c>.</summary>
    private static (IReadOnlyList<AnswerValue> Sides, IReadOnlyList<RelationOperator> Operators) Oriented(RelationAnswer r)
    {
        if (!r.Operators.All(o => o is RelationOperator.Greater or RelationOperator.GreaterEqual))
            return (r.Sides, r.Operators);
        var sides = r.Sides.Reverse().ToList();
        var ops = r.Operators.Reverse().Select(o => o == RelationOperator.Greater ? RelationOperator.Less : RelationOperator.LessEqual).ToList();
        return (sides, ops);
    }

    /// <summary><c>x \ge 2</c> → <c>[2, \infty)</c>; <c>-1 &lt; x \le 3</c> → <c>(-1, 3]</c>. Null unless the relation
    /// bounds one bare variable by constants.</summary>
    private static TupleAnswer? IntervalOf(RelationAnswer relation)
    {
        var (sides, ops) = Oriented(relation);
        if (ops.Any(o => o is not (RelationOperator.Less or RelationOperator.LessEqual)))
            return null;
        var infinity = new ExpressionAnswer("\\infty", new ConstantExpr(MathConstant.Infinity), false);
        var minusInfinity = new ExpressionAnswer("-\\infty", new NegateExpr(new ConstantExpr(MathConstant.Infinity)), false);
        static bool IsVariable(AnswerValue v) => v is ExpressionAnswer { Expression: SymbolExpr };
        static bool IsConstant(AnswerValue v)
        {
            if (v is not ExpressionAnswer e)
                return false;
            var symbols = new HashSet<string>();
            ExpressionFacts.CollectSymbols(e.Expression, symbols);
            return symbols.Count == 0;
        }

        char Open(RelationOperator o) => o == RelationOperator.Less ? '(' : '[';
        char Close(RelationOperator o) => o == RelationOperator.Less ? ')' : ']';
        return sides.Count switch
        {
            2 when IsVariable(sides[0]) && IsConstant(sides[1]) => new TupleAnswer(relation.Text, '(', Close(ops[0]), [minusInfinity, sides[1]]),
            2 when IsConstant(sides[0]) && IsVariable(sides[1]) => new TupleAnswer(relation.Text, Open(ops[0]), ')', [sides[0], infinity]),
            3 when IsConstant(sides[0]) && IsVariable(sides[1]) && IsConstant(sides[2]) => new TupleAnswer(relation.Text, Open(ops[0]), Close(ops[1]), [sides[0], sides[2]]),
            _ => null,
        };
    }

    private static List<AnswerValue>? Intervals(CollectionAnswer collection)
    {
        var intervals = collection.Items.Select(item => item is RelationAnswer r ? IntervalOf(r) : null).ToList();
        return intervals.All(i => i is not null) ? intervals.Cast<AnswerValue>().ToList() : null;
    }

    private bool VectorEquals(MatrixAnswer matrix, TupleAnswer tuple)
    {
        if (tuple.Open != '(' || tuple.Close != ')')
            return false;
        var cells = matrix.Rows.Count == 1 ? matrix.Rows[0] : matrix.Rows.All(r => r.Count == 1) ? matrix.Rows.Select(r => r[0]).ToList() : null;
        return cells is not null && InOrder(cells, tuple.Items);
    }

    private bool InOrder(IReadOnlyList<AnswerValue> a, IReadOnlyList<AnswerValue> b) =>
        a.Count == b.Count && a.Zip(b).All(pair => AreEqual(pair.First, pair.Second));

    /// <summary>Multiset equality by bipartite matching (equivalence need not be transitive across tolerances).</summary>
    private bool AnyOrder(IReadOnlyList<AnswerValue> a, IReadOnlyList<AnswerValue> b)
    {
        if (a.Count != b.Count || a.Count > MaxMatchedItems)
            return false;
        var equal = new bool?[a.Count, b.Count];
        var matchOfB = Enumerable.Repeat(-1, b.Count).ToArray();
        for (var i = 0; i < a.Count; i++)
        {
            if (!Augment(i, new bool[b.Count]))
                return false;
        }

        return true;

        bool Augment(int i, bool[] visited)
        {
            for (var j = 0; j < b.Count; j++)
            {
                if (visited[j])
                    continue;
                equal[i, j] ??= AreEqual(a[i], b[j]);
                if (equal[i, j] != true)
                    continue;
                visited[j] = true;
                if (matchOfB[j] < 0 || Augment(matchOfB[j], visited))
                {
                    matchOfB[j] = i;
                    return true;
                }
            }

            return false;
        }
    }

    private static string Compact(string text) => string.Concat(text.Where(c => !char.IsWhiteSpace(c)));

    /// <summary>Text answers compare by their letters and digits: <c>\text{(B)}</c> = <c>B</c>, <c>East</c> = <c>east</c>.</summary>
    private static string Words(string text)
    {
        var s = text;
        foreach (var command in new[] { "\\textbf", "\\text", "\\mathrm", "\\mbox", "\\mathbf" })
            s = s.Replace(command, "", StringComparison.Ordinal);
        return string.Concat(s.Where(c => char.IsLetterOrDigit(c) || c is '+' or '-' or '/' or '^' or '_' or '=' or '<' or '>')).ToLowerInvariant();
    }
}
