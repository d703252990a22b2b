using AbsoluteZero.Evaluation.MathGrading.Expressions;

namespace AbsoluteZero.Evaluation.MathGrading.Answers;

/// <summary>
/// The shape of a final answer: an expression, a tuple or interval, an unordered list or set, a union of intervals,
/// an equation or inequality (possibly chained), a matrix, a number in another base, or plain text. Every value keeps
/// its normalised source <see cref="Text"/> for textual comparison when mathematics has nothing to say.
/// </summary>
public abstract record AnswerValue(string Text);

public sealed record ExpressionAnswer(string Text, Expr Expression, bool HasPercent) : AnswerValue(Text);

public sealed record TextAnswer(string Text) : AnswerValue(Text);

/// <summary><c>204_5</c>, <c>4210_{5}</c>: digits in a stated base, compared digit for digit.</summary>
public sealed record BaseNumberAnswer(string Text, string Digits, string Base) : AnswerValue(Text);

/// <summary>An ordered pair or tuple <c>(a, b, c)</c>, or an interval when a bracket is square (<c>(0, 1]</c>).
/// Open and Close are the bracket characters.</summary>
public sealed record TupleAnswer(string Text, char Open, char Close, IReadOnlyList<AnswerValue> Items) : AnswerValue(Text);

/// <summary>An unordered collection: a bare list of solutions (<c>3, 5, 7</c>) or a set (<c>\{1, 2\}</c>).</summary>
public sealed record CollectionAnswer(string Text, bool IsSet, IReadOnlyList<AnswerValue> Items) : AnswerValue(Text);

/// <summary><c>(-\infty, 2) \cup (3, \infty)</c>: parts compared as an unordered collection.</summary>
public sealed record UnionAnswer(string Text, IReadOnlyList<AnswerValue> Parts) : AnswerValue(Text);

public enum RelationOperator { Equal, NotEqual, Less, LessEqual, Greater, GreaterEqual }

/// <summary><c>y = 2x + 3</c>, <c>x \ge 5</c>, <c>0 &lt; x \le 1</c>: sides joined by one operator each.</summary>
public sealed record RelationAnswer(string Text, IReadOnlyList<AnswerValue> Sides, IReadOnlyList<RelationOperator> Operators)
    : AnswerValue(Text);

public sealed record MatrixAnswer(string Text, IReadOnlyList<IReadOnlyList<AnswerValue>> Rows) : AnswerValue(Text);
