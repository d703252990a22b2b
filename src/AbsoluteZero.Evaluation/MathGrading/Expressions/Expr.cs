namespace AbsoluteZero.Evaluation.MathGrading.Expressions;

/// <summary>
/// An expression tree parsed from an answer's LaTeX. Deliberately small: numbers, symbols, the constants π, e, i and
/// ∞, the four operations, powers, factorials and named functions (roots, trigonometry, logarithms, floor/ceiling,
/// binomials). Equivalence is decided by evaluating trees, never by rewriting them.
/// </summary>
public abstract record Expr;

/// <summary>A literal; <paramref name="IsDecimal"/> marks values written with a decimal point or exponent, which
/// are compared with tolerance because they are usually rounded.</summary>
public sealed record NumberExpr(Rational Value, bool IsDecimal) : Expr
{
    /// <summary>The literal as written (<c>4.5e33</c>, <c>.35</c>), when the number was written as one.</summary>
    public string? Literal { get; init; }

    public override string ToString() => Value.ToString();
}

public sealed record SymbolExpr(string Name) : Expr
{
    public override string ToString() => Name;
}

public enum MathConstant { Pi, E, ImaginaryUnit, Infinity }

public sealed record ConstantExpr(MathConstant Constant) : Expr
{
    public override string ToString() => Constant switch
    {
        MathConstant.Pi => "pi",
        MathConstant.E => "e",
        MathConstant.ImaginaryUnit => "i",
        _ => "oo",
    };
}

public enum BinaryOperator { Add, Subtract, Multiply, Divide, Power }

public sealed record BinaryExpr(BinaryOperator Operator, Expr Left, Expr Right) : Expr
{
    public override string ToString()
    {
        var op = Operator switch
        {
            BinaryOperator.Add => "+",
            BinaryOperator.Subtract => "-",
            BinaryOperator.Multiply => "*",
            BinaryOperator.Divide => "/",
            _ => "^",
        };
        return $"({Left}{op}{Right})";
    }
}

public sealed record NegateExpr(Expr Operand) : Expr
{
    public override string ToString() => $"(-{Operand})";
}

/// <summary>A named function: sqrt, root (radicand, index), sin…, ln, log (argument, optional base), exp, abs,
/// floor, ceil, factorial, binom, min, max, gcd, lcm.</summary>
public sealed record FunctionExpr(string Name, IReadOnlyList<Expr> Arguments) : Expr
{
    public override string ToString() => $"{Name}({string.Join(",", Arguments)})";
}
