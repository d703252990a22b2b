using System.Numerics;

namespace AbsoluteZero.Evaluation.MathGrading.Expressions;

/// <summary>
/// Evaluates a variable-free tree to an exact fraction when every step stays rational (sums, products, quotients,
/// integer powers, factorials, binomials, perfect-square roots, floor/ceiling/abs). Null when it cannot.
/// </summary>
public static class ExactEvaluator
{
    // 2^20000 has ~6000 digits: plenty for olympiad answers like 2^{1009} or 100!/2^{50}, small enough to stay fast.
    private const long MaxBits = 20_000;

    public static Rational? TryEvaluate(Expr expr)
    {
        try
        {
            return Evaluate(expr);
        }
        catch (DivideByZeroException)
        {
            return null;
        }
    }

    private static Rational? Evaluate(Expr expr) => expr switch
    {
        NumberExpr n => n.Value,
        NegateExpr neg => Evaluate(neg.Operand) is { } v ? -v : null,
        BinaryExpr b => EvaluateBinary(b),
        FunctionExpr f => EvaluateFunction(f),
        _ => null,
    };

    private static Rational? EvaluateBinary(BinaryExpr b)
    {
        if (Evaluate(b.Left) is not { } left || Evaluate(b.Right) is not { } right)
            return null;
        return b.Operator switch
        {
            BinaryOperator.Add => left + right,
            BinaryOperator.Subtract => left - right,
            BinaryOperator.Multiply => left * right,
            BinaryOperator.Divide => right.IsZero ? null : left / right,
            _ => Power(left, right),
        };
    }

    private static Rational? Power(Rational @base, Rational exponent)
    {
        if (exponent.IsInteger)
        {
            if (@base.IsZero)
                return exponent.Sign > 0 ? Rational.Zero : exponent.IsZero ? Rational.One : null;
            if (BigInteger.Abs(exponent.Numerator) > 100_000 || @base.BitLength * (long)BigInteger.Abs(exponent.Numerator) > MaxBits)
                return null;
            var e = (int)BigInteger.Abs(exponent.Numerator);
            var result = new Rational(BigInteger.Pow(@base.Numerator, e), BigInteger.Pow(@base.Denominator, e));
            return exponent.Sign < 0 ? Rational.One / result : result;
        }

        // Rational exponents are exact only for perfect powers (8^{2/3} = 4); everything else goes numeric.
        if (@base.Sign < 0 || exponent.Denominator > 64)
            return null;
        var root = Root(@base, (int)exponent.Denominator);
        return root is null ? null : Power(root.Value, Rational.FromInteger(exponent.Numerator));
    }

    private static Rational? Root(Rational value, int index)
    {
        if (value.Sign < 0)
        {
            if (index % 2 == 0)
                return null;
            return Root(-value, index) is { } r ? -r : null;
        }

        var numerator = IntegerRoot(value.Numerator, index);
        var denominator = IntegerRoot(value.Denominator, index);
        return numerator is null || denominator is null ? null : new Rational(numerator.Value, denominator.Value);
    }

    private static BigInteger? IntegerRoot(BigInteger value, int index)
    {
        if (value.IsZero || value.IsOne)
            return value;
        var guess = new BigInteger(Math.Round(Math.Exp(BigInteger.Log(value) / index)));
        for (var candidate = guess - 1; candidate <= guess + 1; candidate++)
        {
            if (candidate.Sign > 0 && BigInteger.Pow(candidate, index) == value)
                return candidate;
        }

        return null;
    }

    private static Rational? EvaluateFunction(FunctionExpr f)
    {
        var args = new Rational[f.Arguments.Count];
        for (var i = 0; i < args.Length; i++)
        {
            if (Evaluate(f.Arguments[i]) is not { } v)
                return null;
            args[i] = v;
        }

        return (f.Name, args.Length) switch
        {
            ("sqrt", 1) => Root(args[0], 2),
            ("root", 2) when args[1].IsInteger && args[1].Sign > 0 && args[1].Numerator <= 64 => Root(args[0], (int)args[1].Numerator),
            ("abs", 1) => args[0].Abs(),
            ("floor", 1) => Rational.FromInteger(args[0].Floor()),
            ("ceil", 1) => Rational.FromInteger(args[0].Ceiling()),
            ("factorial", 1) => Factorial(args[0]),
            ("binom", 2) => Binomial(args[0], args[1]),
            ("min", > 0) => args.Aggregate((a, b) => (a - b).Sign <= 0 ? a : b),
            ("max", > 0) => args.Aggregate((a, b) => (a - b).Sign >= 0 ? a : b),
            ("gcd", 2) when args.All(a => a.IsInteger) => Rational.FromInteger(BigInteger.GreatestCommonDivisor(args[0].Numerator, args[1].Numerator)),
            ("lcm", 2) when args.All(a => a.IsInteger && !a.IsZero) => Rational.FromInteger(BigInteger.Abs(args[0].Numerator * args[1].Numerator) / BigInteger.GreatestCommonDivisor(args[0].Numerator, args[1].Numerator)),
            _ => null,
        };
    }

    private static Rational? Factorial(Rational n)
    {
        if (!n.IsInteger || n.Sign < 0 || n.Numerator > 3000)
            return null;
        var result = BigInteger.One;
        for (var i = 2; i <= (int)n.Numerator; i++)
            result *= i;
        return Rational.FromInteger(result);
    }

    private static Rational? Binomial(Rational n, Rational k)
    {
        if (!n.IsInteger || !k.IsInteger || n.Sign < 0 || n.Numerator > 100_000)
            return null;
        if (k.Sign < 0 || k.Numerator > n.Numerator)
            return Rational.Zero;
        var kk = (int)BigInteger.Min(k.Numerator, n.Numerator - k.Numerator);
        var result = BigInteger.One;
        for (var i = 1; i <= kk; i++)
            result = result * (n.Numerator - kk + i) / i;
        return Rational.FromInteger(result);
    }
}
