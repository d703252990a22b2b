namespace AbsoluteZero.Evaluation.MathGrading.Expressions;

/// <summary>What an equivalence check needs to know about a tree before evaluating it.</summary>
public static class ExpressionFacts
{
    public static void CollectSymbols(Expr expr, ISet<string> into)
    {
        switch (expr)
        {
            case SymbolExpr s:
                into.Add(s.Name);
                break;
            case NegateExpr n:
                CollectSymbols(n.Operand, into);
                break;
            case BinaryExpr b:
                CollectSymbols(b.Left, into);
                CollectSymbols(b.Right, into);
                break;
            case FunctionExpr f:
                foreach (var a in f.Arguments)
                    CollectSymbols(a, into);
                break;
        }
    }

    public static bool Any(Expr expr, Func<Expr, bool> predicate) => predicate(expr) || expr switch
    {
        NegateExpr n => Any(n.Operand, predicate),
        BinaryExpr b => Any(b.Left, predicate) || Any(b.Right, predicate),
        FunctionExpr f => f.Arguments.Any(a => Any(a, predicate)),
        _ => false,
    };

    /// <summary>Written with a decimal point or exponent: such values are rounded, so they compare with tolerance.</summary>
    public static bool HasDecimal(Expr expr) => Any(expr, e => e is NumberExpr { IsDecimal: true });

    /// <summary>Functions defined on integers (floor, factorial, binomial…): their variables are sampled at integers.</summary>
    public static bool IsDiscrete(Expr expr) =>
        Any(expr, e => e is FunctionExpr { Name: "floor" or "ceil" or "factorial" or "binom" or "gcd" or "lcm" });
}
