using System.Globalization;
using System.Numerics;

namespace AbsoluteZero.Evaluation.MathGrading.Expressions;

/// <summary>
/// An exact fraction with a positive denominator in lowest terms. Integer and fraction answers are compared exactly,
/// so 12000023 and 12000024 differ even though a relative tolerance would call them equal.
/// </summary>
public readonly record struct Rational
{
    public BigInteger Numerator { get; }
    public BigInteger Denominator { get; }

    public Rational(BigInteger numerator, BigInteger denominator)
    {
        if (denominator.IsZero)
            throw new DivideByZeroException();
        if (denominator.Sign < 0)
        {
            numerator = -numerator;
            denominator = -denominator;
        }

        var gcd = BigInteger.GreatestCommonDivisor(numerator, denominator);
        if (!gcd.IsOne && !gcd.IsZero)
        {
            numerator /= gcd;
            denominator /= gcd;
        }

        Numerator = numerator;
        Denominator = denominator.IsZero ? BigInteger.One : denominator;
    }

    public static Rational Zero { get; } = new(0, 1);
    public static Rational One { get; } = new(1, 1);

    public bool IsInteger => Denominator.IsOne;
    public bool IsZero => Numerator.IsZero;
    public int Sign => Numerator.Sign;

    public static Rational FromInteger(BigInteger value) => new(value, BigInteger.One);

    /// <summary>Parses a plain decimal literal (<c>12</c>, <c>-0.5</c>, <c>.35</c>, <c>4.5e33</c>) exactly.</summary>
    public static bool TryParseDecimal(string text, out Rational value)
    {
        value = Zero;
        var s = text.Trim();
        var exponent = 0;
        var e = s.IndexOfAny(['e', 'E']);
        if (e >= 0)
        {
            if (!int.TryParse(s[(e + 1)..], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out exponent))
                return false;
            s = s[..e];
        }

        var negative = s.StartsWith('-');
        if (negative || s.StartsWith('+'))
            s = s[1..];
        var dot = s.IndexOf('.');
        var digits = dot < 0 ? s : s[..dot] + s[(dot + 1)..];
        if (digits.Length == 0 || !digits.All(char.IsAsciiDigit) || (dot >= 0 && s.IndexOf('.', dot + 1) >= 0))
            return false;
        var fractionDigits = dot < 0 ? 0 : s.Length - dot - 1;
        var numerator = BigInteger.Parse(digits, CultureInfo.InvariantCulture);
        exponent -= fractionDigits;
        if (Math.Abs(exponent) > 4000)
            return false;
        var scale = BigInteger.Pow(10, Math.Abs(exponent));
        value = exponent >= 0 ? new Rational(numerator * scale, 1) : new Rational(numerator, scale);
        if (negative)
            value = -value;
        return true;
    }

    public static Rational operator +(Rational a, Rational b) =>
        new(a.Numerator * b.Denominator + b.Numerator * a.Denominator, a.Denominator * b.Denominator);

    public static Rational operator -(Rational a, Rational b) =>
        new(a.Numerator * b.Denominator - b.Numerator * a.Denominator, a.Denominator * b.Denominator);

    public static Rational operator *(Rational a, Rational b) =>
        new(a.Numerator * b.Numerator, a.Denominator * b.Denominator);

    public static Rational operator /(Rational a, Rational b) =>
        new(a.Numerator * b.Denominator, a.Denominator * b.Numerator);

    public static Rational operator -(Rational a) => new(-a.Numerator, a.Denominator);

    public Rational Abs() => new(BigInteger.Abs(Numerator), Denominator);

    public BigInteger Floor()
    {
        var quotient = BigInteger.DivRem(Numerator, Denominator, out var remainder);
        return remainder.Sign < 0 ? quotient - 1 : quotient;
    }

    public BigInteger Ceiling() => -(-this).Floor();

    /// <summary>The magnitude in bits, to refuse powers whose exact value would be astronomically large.</summary>
    public long BitLength => (long)(BigInteger.Abs(Numerator).GetBitLength() + Denominator.GetBitLength());

    public double ToDouble()
    {
        var value = (double)Numerator / (double)Denominator;
        if (double.IsFinite(value) && value != 0)
            return value;
        // Huge numerators or denominators overflow double separately; scale through logarithms instead.
        if (Numerator.IsZero)
            return 0;
        var log = BigInteger.Log(BigInteger.Abs(Numerator)) - BigInteger.Log(Denominator);
        return Numerator.Sign * Math.Exp(log);
    }

    public override string ToString() =>
        IsInteger ? Numerator.ToString(CultureInfo.InvariantCulture) : $"{Numerator}/{Denominator}";
}
