namespace AbsoluteZero.Evaluation.MathGrading.Expressions;

/// <summary>
/// How close two numbers must be. Values written with decimals compare with <see cref="DecimalRelative"/> (1e-4,
/// the Qwen2.5-Math grader's <c>isclose(rel_tol=1e-4)</c>); exact values (integers, fractions, radicals, π) compare
/// exactly or to <see cref="SymbolicRelative"/> so 355/113 does not pass for π.
/// </summary>
public sealed record GradingTolerance(double DecimalRelative, double SymbolicRelative)
{
    public static GradingTolerance Default { get; } = new(1e-4, 1e-8);

    /// <summary>Integer-answer benchmarks (AIME, AMC, GSM8K): a decimal must equal the reference exactly.</summary>
    public static GradingTolerance Exact { get; } = new(0, 1e-9);
}
