using System.Numerics;

namespace AbsoluteZero.Evaluation.MathGrading.Expressions;

/// <summary>
/// Decides whether two expression trees denote the same value: exactly (fractions) when both are rational, else
/// numerically; with free symbols, at seeded random points (integers when floor, factorial or binomials appear).
/// </summary>
public static class ExpressionEquivalence
{
    private const int Seed = 20250506;
    private const int Points = 6;

    // Floors and factorials differ only at some integers (⌊√(n−1)⌋ and ⌊√(n−2)⌋ at perfect squares): walk 1..24.
    private const int DiscretePoints = 24;
    private const double PointAbsolute = 1e-9;

    public static bool AreEqual(Expr a, Expr b, GradingTolerance tolerance)
    {
        var symbols = Symbols(a, b);
        var hasDecimal = ExpressionFacts.HasDecimal(a) || ExpressionFacts.HasDecimal(b);
        if (symbols.Count == 0)
            return ConstantsEqual(a, b, hasDecimal, tolerance);

        var relative = hasDecimal ? Math.Max(tolerance.DecimalRelative, tolerance.SymbolicRelative) : tolerance.SymbolicRelative * 10;
        var discrete = ExpressionFacts.IsDiscrete(a) || ExpressionFacts.IsDiscrete(b);
        var wanted = discrete ? DiscretePoints : Points;
        var valid = 0;
        foreach (var point in SamplePoints(symbols, discrete))
        {
            var va = NumericEvaluator.Evaluate(a, point);
            var vb = NumericEvaluator.Evaluate(b, point);
            if (!IsFinite(va) || !IsFinite(vb))
                continue;
            if (!Close(va, vb, relative, PointAbsolute))
                return false;
            if (++valid == wanted)
                break;
        }

        return valid >= 3;
    }

    /// <summary>
    /// Whether <paramref name="a"/> is a constant non-zero multiple of <paramref name="b"/> (positive when asked):
    /// the test for equations and inequalities written with different scaling or sides (2x - y + 3 = 0 and
    /// y = 2x + 3). Null when it cannot be decided (both sides vanish everywhere).
    /// </summary>
    public static bool? IsConstantMultiple(Expr a, Expr b, bool positive)
    {
        var symbols = Symbols(a, b);
        double? ratio = null;
        var discrete = ExpressionFacts.IsDiscrete(a) || ExpressionFacts.IsDiscrete(b);
        var points = symbols.Count == 0 ? [new Dictionary<string, Complex>()] : SamplePoints(symbols, discrete);
        var valid = 0;
        foreach (var point in points)
        {
            var va = NumericEvaluator.Evaluate(a, point);
            var vb = NumericEvaluator.Evaluate(b, point);
            if (!IsFinite(va) || !IsFinite(vb))
                continue;
            if (Complex.Abs(vb) < 1e-12 || Complex.Abs(va) < 1e-12)
            {
                if (Complex.Abs(vb) < 1e-12 != Complex.Abs(va) < 1e-12)
                    return false;
                continue;
            }

            var r = va / vb;
            if (Math.Abs(r.Imaginary) > 1e-9 * Complex.Abs(r))
                return false;
            if (ratio is null)
                ratio = r.Real;
            else if (Math.Abs(r.Real - ratio.Value) > 1e-7 * Math.Abs(ratio.Value))
                return false;
            if (++valid == Points)
                break;
        }

        if (ratio is null)
            return null;
        return !positive || ratio > 0;
    }

    /// <summary>Whether two variable-free values differ by less than <paramref name="error"/> (a stated precision,
    /// so 4.25 meets 4.2 ± 0.1 but the next one-decimal answer, 4.3, does not).</summary>
    public static bool IsWithin(Expr a, Expr b, Rational error)
    {
        if (Symbols(a, b).Count > 0)
            return false;
        if (ExactEvaluator.TryEvaluate(a) is { } ra && ExactEvaluator.TryEvaluate(b) is { } rb)
            return ((ra - rb).Abs() - error).Sign < 0;
        var va = NumericEvaluator.Evaluate(a, EmptySymbols);
        var vb = NumericEvaluator.Evaluate(b, EmptySymbols);
        return IsFinite(va) && IsFinite(vb) && Complex.Abs(va - vb) < error.ToDouble();
    }

    /// <summary>The decimal places a lone literal states (<c>4.4677</c> → 4, <c>4.5e33</c> → −32); null otherwise.</summary>
    private static int? DecimalPlaces(Expr expr) => expr switch
    {
        NegateExpr n => DecimalPlaces(n.Operand),
        NumberExpr { Literal: { } literal } => Places(literal),
        _ => null,
    };

    private static int Places(string literal)
    {
        var exponentAt = literal.IndexOfAny(['e', 'E']);
        var mantissa = exponentAt < 0 ? literal : literal[..exponentAt];
        var exponent = exponentAt < 0 ? 0 : int.Parse(literal[(exponentAt + 1)..], System.Globalization.CultureInfo.InvariantCulture);
        var dot = mantissa.IndexOf('.');
        return (dot < 0 ? 0 : mantissa.Length - dot - 1) - exponent;
    }

    private static bool ConstantsEqual(Expr a, Expr b, bool hasDecimal, GradingTolerance tolerance)
    {
        if (ExactEvaluator.TryEvaluate(a) is { } ra && ExactEvaluator.TryEvaluate(b) is { } rb)
        {
            if (ra == rb)
                return true;
            if (!hasDecimal || tolerance.DecimalRelative == 0)
                return false;
            // Two plain decimals written to the same place differ in a digit they both state: 4.4678 is not
            // 4.4677 even though they are within 1e-4. Tolerance is for answers given to different precision.
            if (DecimalPlaces(a) is { } placesA && placesA == DecimalPlaces(b))
                return false;
            // isclose in exact arithmetic: |a - b| <= tol * max(|a|, |b|).
            var scale = (ra.Abs() - rb.Abs()).Sign >= 0 ? ra.Abs() : rb.Abs();
            var relativeTolerance = new Rational(new BigInteger(Math.Round(tolerance.DecimalRelative * 1e12)), BigInteger.Pow(10, 12));
            return ((ra - rb).Abs() - relativeTolerance * scale).Sign <= 0;
        }

        var va = NumericEvaluator.Evaluate(a, EmptySymbols);
        var vb = NumericEvaluator.Evaluate(b, EmptySymbols);
        var relative = hasDecimal && tolerance.DecimalRelative > 0 ? tolerance.DecimalRelative : tolerance.SymbolicRelative;
        return Close(va, vb, relative, 0);
    }

    private static readonly IReadOnlyDictionary<string, Complex> EmptySymbols = new Dictionary<string, Complex>();

    private static SortedSet<string> Symbols(Expr a, Expr b)
    {
        var symbols = new SortedSet<string>(StringComparer.Ordinal);
        ExpressionFacts.CollectSymbols(a, symbols);
        ExpressionFacts.CollectSymbols(b, symbols);
        return symbols;
    }

    private static IEnumerable<Dictionary<string, Complex>> SamplePoints(IReadOnlyCollection<string> symbols, bool integers)
    {
        var random = new Random(Seed);
        var first = symbols.First();
        var trials = integers ? DiscretePoints * 2 : Points * 3;
        for (var trial = 0; trial < trials; trial++)
        {
            // Integer points: the first symbol walks 1, 2, 3…, the others are random. Real points lie in
            // (0.35, 2.85), away from the poles and branch cuts that integers and zero invite.
            yield return symbols.ToDictionary(
                s => s,
                s => integers
                    ? new Complex(s == first ? trial % DiscretePoints + 1 : random.Next(1, 25), 0)
                    : new Complex(0.35 + 2.5 * random.NextDouble(), 0));
        }
    }

    private static bool IsFinite(Complex v) => double.IsFinite(v.Real) && double.IsFinite(v.Imaginary);

    private static bool Close(Complex a, Complex b, double relative, double absolute)
    {
        if (double.IsNaN(a.Real) || double.IsNaN(b.Real) || double.IsNaN(a.Imaginary) || double.IsNaN(b.Imaginary))
            return false;
        if (double.IsInfinity(a.Real) || double.IsInfinity(b.Real))
            return a.Real == b.Real && Math.Abs(a.Imaginary) < 1e-12 && Math.Abs(b.Imaginary) < 1e-12;
        if (!IsFinite(a) || !IsFinite(b))
            return false;
        var diff = Complex.Abs(a - b);
        var scale = Math.Max(Complex.Abs(a), Complex.Abs(b));
        // A value that is exactly zero on one side meets a rounding-level residue on the other (sin π vs 0).
        if (absolute == 0 && (a == Complex.Zero || b == Complex.Zero))
            return scale <= 1e-12;
        return diff <= relative * scale + absolute;
    }
}
