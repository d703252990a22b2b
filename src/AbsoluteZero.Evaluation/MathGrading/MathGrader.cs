using System.Globalization;
using AbsoluteZero.Evaluation.MathGrading.Answers;
using AbsoluteZero.Evaluation.MathGrading.Expressions;
using AbsoluteZero.Evaluation.MathGrading.Normalization;

namespace AbsoluteZero.Evaluation.MathGrading;

/// <summary>
/// Grades a model's response to a math problem: extracts the final answer (<see cref="MathBenchmarkRules"/>),
/// normalises both it and the reference (<see cref="LatexNormalizer"/>), parses them (<see cref="AnswerParser"/>)
/// and compares them (<see cref="AnswerEquivalence"/>). Everything is C#; no sympy.
/// </summary>
public static class MathGrader
{
    /// <exception cref="ArgumentException">The benchmark is not one of the math benchmarks.</exception>
    public static MathGrade Grade(string benchmark, string response, MathReference reference)
    {
        EnsureMath(benchmark);
        var extracted = MathBenchmarkRules.Extract(benchmark, response, reference);
        return new MathGrade(extracted, extracted is not null && IsEquivalent(benchmark, extracted, reference));
    }

    /// <summary>Whether an already extracted answer matches the reference under the benchmark's rules.</summary>
    public static bool IsEquivalent(string benchmark, string predicted, MathReference reference)
    {
        EnsureMath(benchmark);
        var equivalence = new AnswerEquivalence(MathBenchmarkRules.ToleranceFor(benchmark));
        var units = reference.Unit is { Length: > 0 } unit ? new[] { unit } : null;
        var expected = reference.Combined;
        if (Matches(equivalence, predicted, reference, units, mergeThousands: true))
            return true;
        // "100,200" is a thousands number or a pair of numbers; when either side could be read both ways, try both.
        return (LatexNormalizer.HasAmbiguousComma(predicted) || LatexNormalizer.HasAmbiguousComma(expected))
               && Matches(equivalence, predicted, reference, units, mergeThousands: false);
    }

    private static bool Matches(AnswerEquivalence equivalence, string predicted, MathReference reference, IReadOnlyList<string>? units, bool mergeThousands)
    {
        var p = AnswerParser.Parse(LatexNormalizer.Normalize(predicted, mergeThousands, units));
        var r = AnswerParser.Parse(LatexNormalizer.Normalize(reference.Combined, mergeThousands, units));
        if (p.Text.Length == 0)
            return false;
        if (MultipleChoice.Letter(r.Text) is { } choice)
            return MultipleChoice.LastLetter(predicted) == choice;
        if (reference.AbsoluteError is { } error && p is ExpressionAnswer pe && r is ExpressionAnswer re
            && Rational.TryParseDecimal(error.ToString(CultureInfo.InvariantCulture), out var exactError)
            && ExpressionEquivalence.IsWithin(pe.Expression, re.Expression, exactError))
            return true;
        return equivalence.AreEqual(p, r);
    }

    private static void EnsureMath(string benchmark)
    {
        if (!MathBenchmarkRules.IsMathBenchmark(benchmark))
            throw new ArgumentException(
                $"'{benchmark}' is not a math benchmark; expected one of {string.Join(", ", AbsoluteZero.Core.Configuration.BenchmarkNames.Math)}.",
                nameof(benchmark));
    }
}
