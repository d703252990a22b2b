using System.Numerics;

namespace AbsoluteZero.Evaluation.MathGrading.Expressions;

/// <summary>
/// Evaluates a tree in complex floating point with values for its symbols. Complex arithmetic keeps both sides of
/// a comparison on the same principal branch (√ of a negative, logs), so equal formulas stay equal.
/// </summary>
public static class NumericEvaluator
{
    public static Complex Evaluate(Expr expr, IReadOnlyDictionary<string, Complex> symbols) => expr switch
    {
        NumberExpr n => n.Value.ToDouble(),
        SymbolExpr s => symbols.TryGetValue(s.Name, out var v) ? v : Complex.NaN,
        ConstantExpr c => c.Constant switch
        {
            MathConstant.Pi => Math.PI,
            MathConstant.E => Math.E,
            MathConstant.ImaginaryUnit => Complex.ImaginaryOne,
            _ => double.PositiveInfinity,
        },
        NegateExpr neg => Negate(Evaluate(neg.Operand, symbols)),
        BinaryExpr b => Binary(b.Operator, Evaluate(b.Left, symbols), Evaluate(b.Right, symbols)),
        FunctionExpr f => Function(f.Name, f.Arguments.Select(a => Evaluate(a, symbols)).ToArray()),
        _ => Complex.NaN,
    };

    // Complex negation of +∞ yields (-∞, NaN) in some paths; keep infinities real.
    private static Complex Negate(Complex value) =>
        double.IsInfinity(value.Real) && value.Imaginary == 0 ? new Complex(-value.Real, 0) : -value;

    private static Complex Binary(BinaryOperator op, Complex a, Complex b) => op switch
    {
        BinaryOperator.Add => a + b,
        BinaryOperator.Subtract => a - b,
        BinaryOperator.Multiply => IsReal(a) && IsReal(b) ? a.Real * b.Real : a * b,
        BinaryOperator.Divide => b == Complex.Zero ? Complex.NaN : IsReal(a) && IsReal(b) ? a.Real / b.Real : a / b,
        _ => Power(a, b),
    };

    private static bool IsReal(Complex value) => value.Imaginary == 0;

    private static Complex Power(Complex a, Complex b)
    {
        if (IsReal(a) && IsReal(b))
        {
            if (a.Real >= 0 || Math.Abs(b.Real - Math.Round(b.Real)) < 1e-12)
                return Math.Pow(a.Real, b.Real);
            // A negative base under an odd root stays real: (-8)^{1/3} = -2, as a reader means it.
            var reciprocal = 1 / b.Real;
            if (Math.Abs(reciprocal - Math.Round(reciprocal)) < 1e-9 && Math.Round(reciprocal) % 2 != 0)
                return -Math.Pow(-a.Real, b.Real);
        }

        if (a == Complex.Zero)
            return b.Real > 0 ? Complex.Zero : Complex.NaN;
        return Complex.Pow(a, b);
    }

    private static Complex Function(string name, Complex[] args)
    {
        if (args.Length == 0)
            return Complex.NaN;
        var x = args[0];
        return (name, args.Length) switch
        {
            ("sqrt", 1) => IsReal(x) && x.Real >= 0 ? Math.Sqrt(x.Real) : Complex.Sqrt(x),
            ("root", 2) => Power(x, 1 / args[1]),
            ("sin", 1) => Complex.Sin(x),
            ("cos", 1) => Complex.Cos(x),
            ("tan", 1) => Complex.Tan(x),
            ("cot", 1) => 1 / Complex.Tan(x),
            ("sec", 1) => 1 / Complex.Cos(x),
            ("csc", 1) => 1 / Complex.Sin(x),
            ("arcsin", 1) => Complex.Asin(x),
            ("arccos", 1) => Complex.Acos(x),
            ("arctan", 1) => Complex.Atan(x),
            ("arccot", 1) => Complex.Atan(1 / x),
            ("sinh", 1) => Complex.Sinh(x),
            ("cosh", 1) => Complex.Cosh(x),
            ("tanh", 1) => Complex.Tanh(x),
            ("exp", 1) => Complex.Exp(x),
            ("ln", 1) or ("log", 1) => Complex.Log(x),
            ("log", 2) => Complex.Log(x) / Complex.Log(args[1]),
            ("abs", 1) => Complex.Abs(x),
            ("floor", 1) => IsReal(x) ? Math.Floor(x.Real + 1e-9) : Complex.NaN,
            ("ceil", 1) => IsReal(x) ? Math.Ceiling(x.Real - 1e-9) : Complex.NaN,
            ("factorial", 1) => IsReal(x) ? Gamma(x.Real + 1) : Complex.NaN,
            ("binom", 2) => IsReal(x) && IsReal(args[1]) ? Binomial(x.Real, args[1].Real) : Complex.NaN,
            ("min", _) => args.All(IsReal) ? args.Min(a => a.Real) : Complex.NaN,
            ("max", _) => args.All(IsReal) ? args.Max(a => a.Real) : Complex.NaN,
            ("gcd", 2) or ("lcm", 2) => IntegerFunction(name, x, args[1]),
            _ => Complex.NaN,
        };
    }

    private static Complex IntegerFunction(string name, Complex a, Complex b)
    {
        if (!IsReal(a) || !IsReal(b) || Math.Abs(a.Real) > 1e15 || Math.Abs(b.Real) > 1e15)
            return Complex.NaN;
        var x = Math.Round(a.Real);
        var y = Math.Round(b.Real);
        if (Math.Abs(x - a.Real) > 1e-9 || Math.Abs(y - b.Real) > 1e-9)
            return Complex.NaN;
        var gcd = (double)BigInteger.GreatestCommonDivisor(new BigInteger(x), new BigInteger(y));
        return name == "gcd" ? gcd : gcd == 0 ? 0 : Math.Abs(x * y) / gcd;
    }

    private static double Binomial(double n, double k)
    {
        if (Math.Abs(k - Math.Round(k)) < 1e-12 && Math.Abs(n - Math.Round(n)) < 1e-12 && n >= 0 && (k < 0 || k > n))
            return 0;
        return Math.Exp(LogGamma(n + 1) - LogGamma(k + 1) - LogGamma(n - k + 1)) * GammaSign(n + 1) * GammaSign(k + 1) * GammaSign(n - k + 1);
    }

    private static double Gamma(double x)
    {
        if (x <= 0 && Math.Abs(x - Math.Round(x)) < 1e-12)
            return double.NaN;
        if (x < 0.5)
            return Math.PI / (Math.Sin(Math.PI * x) * Gamma(1 - x));
        return GammaSign(x) * Math.Exp(LogGamma(x));
    }

    private static double GammaSign(double x) =>
        x > 0 || Math.Abs(x - Math.Round(x)) < 1e-12 ? 1 : Math.Floor(x) % 2 == 0 ? 1 : -1;

    // Lanczos approximation (g = 7, n = 9): ~15 significant digits, enough for a 1e-8 comparison.
    private static readonly double[] Lanczos =
    [
        0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059,
        12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7,
    ];

    private static double LogGamma(double x)
    {
        if (x < 0.5)
            return Math.Log(Math.PI / Math.Abs(Math.Sin(Math.PI * x))) - LogGamma(1 - x);
        x -= 1;
        var sum = Lanczos[0];
        for (var i = 1; i < Lanczos.Length; i++)
            sum += Lanczos[i] / (x + i);
        var t = x + 7.5;
        return 0.5 * Math.Log(2 * Math.PI) + (x + 0.5) * Math.Log(t) - t + Math.Log(sum);
    }
}
