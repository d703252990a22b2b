using System.Globalization;
using System.Numerics;
using System.Text.RegularExpressions;
using AbsoluteZero.Core.Configuration;
using AbsoluteZero.Evaluation.Benchmarks.MathSets;
using AbsoluteZero.Evaluation.MathGrading;
using AbsoluteZero.Testing;
using Xunit.Abstractions;

namespace AbsoluteZero.Evaluation.Tests.MathGrading;

/// <summary>
/// Grades every problem of every math benchmark file: the reference answer, written the ways models write it,
/// must grade correct; the reference with one number changed must grade wrong. Rates go to the test output.
/// </summary>
public partial class RealDataGradingTests(ITestOutputHelper output)
{
    public static TheoryData<string> MathBenchmarks => new(BenchmarkNames.Math);

    private static readonly (string Name, Func<string, string> Respond)[] Renderings =
    [
        ("boxed after a derivation", a => $"Let me work through this. First 2 + 3 = 5, and \\boxed{{7}} was only a guess.\nSo the final answer is $\\boxed{{{a}}}$."),
        ("answer tag", a => $"<think>Try small cases: 1, 2, 3.</think> <answer>{a}</answer>"),
        ("boxed inside the answer tag", a => $"<think>Maybe \\boxed{{0}}.</think>\n<answer>Therefore $\\boxed{{{a}}}$.</answer>"),
        ("final answer sentence", a => $"Final Answer: The final answer is ${a}$. I hope it is correct."),
        ("dfrac without spaces", a => $"\\boxed{{{a.Replace("\\frac", "\\dfrac").Replace(" ", "")}}}"),
    ];

    [Theory]
    [MemberData(nameof(MathBenchmarks))]
    public void The_reference_answer_in_every_common_rendering_grades_correct(string benchmark)
    {
        var problems = MathBenchmarkLoader.Load(RepositoryPaths.Benchmarks, benchmark);
        foreach (var (name, respond) in Renderings.Concat(ValueRewritings(benchmark)))
        {
            var graded = problems.Select(p => (Problem: p, Response: respond(p.Reference.Combined))).ToList();
            var failures = graded.Where(g => !MathGrader.Grade(benchmark, g.Response, g.Problem.Reference).Correct).ToList();
            var rate = 1 - failures.Count / (double)graded.Count;
            output.WriteLine($"{benchmark} | {name}: {graded.Count - failures.Count}/{graded.Count} correct ({rate:P2})");
            foreach (var f in failures.Take(5))
                output.WriteLine($"    failed {f.Problem.Id}: {f.Response}");
            // One OlympiadBench reference is prose ("f(x)=ax+b, where b is an arbitrary integer, ...").
            Assert.True(rate >= (benchmark == BenchmarkNames.OlympiadBench ? 0.995 : 1.0), $"{benchmark} | {name}: {rate:P2}");
        }
    }

    [Theory]
    [MemberData(nameof(MathBenchmarks))]
    public void The_reference_with_one_number_changed_grades_wrong(string benchmark)
    {
        var problems = MathBenchmarkLoader.Load(RepositoryPaths.Benchmarks, benchmark);
        var wronglyAccepted = problems
            .Select(p => (Problem: p, Response: $"So the answer is $\\boxed{{{Perturb(p.Reference.Combined)}}}$."))
            .Where(g => MathGrader.Grade(benchmark, g.Response, g.Problem.Reference).Correct)
            .ToList();
        output.WriteLine($"{benchmark}: {problems.Count - wronglyAccepted.Count}/{problems.Count} perturbed answers graded wrong");
        foreach (var w in wronglyAccepted)
            output.WriteLine($"    accepted {w.Problem.Id}: {w.Response}");
        Assert.Empty(wronglyAccepted);
    }

    /// <summary>Value-preserving rewritings that apply to some answers: integers with thousands separators or
    /// leading zeros, fractions as a/b or decimals.</summary>
    private static IEnumerable<(string, Func<string, string>)> ValueRewritings(string benchmark)
    {
        yield return ("integer with thousands separators", a => Integer().IsMatch(a) && a.Length > 3
            ? $"The total is \\boxed{{{BigInteger.Parse(a, CultureInfo.InvariantCulture).ToString("#,0", CultureInfo.InvariantCulture)}}}."
            : $"\\boxed{{{a}}}");
        yield return ("fraction as a slash or decimal", a => Fraction().Match(a) is { Success: true } m
            ? (m.Groups["den"].Value is "2" or "4" or "5" or "8" or "10" or "20" or "25"
                ? $"\\boxed{{{m.Groups["sign"].Value}{(decimal.Parse(m.Groups["num"].Value, CultureInfo.InvariantCulture) / decimal.Parse(m.Groups["den"].Value, CultureInfo.InvariantCulture)).ToString(CultureInfo.InvariantCulture)}}}"
                : $"\\boxed{{{m.Groups["sign"].Value}{m.Groups["num"].Value}/{m.Groups["den"].Value}}}")
            : $"\\boxed{{{a}}}");
        if (benchmark is BenchmarkNames.Aime2024 or BenchmarkNames.Aime2025)
            yield return ("without leading zeros", a => $"\\boxed{{{a.TrimStart('0').PadLeft(1, '0')}}}");
        if (benchmark == BenchmarkNames.Gsm8k)
            yield return ("last number of the text", a => $"She has 3 apples and buys 2 more, so 5 in all.\nIn total she pays {a} dollars.\n#### {a}");
    }

    /// <summary>Adds one to the answer's first number (so tuples, intervals and lists change in one place, and a
    /// unit's exponent after the value is left alone); a multiple-choice letter moves to the next letter; other
    /// answers without digits get "+1".</summary>
    private static string Perturb(string answer)
    {
        var numbers = Digits().Matches(answer);
        if (ChoiceLetter().Match(answer) is { Success: true } choice)
            return answer[..choice.Index] + $"({(char)('A' + (choice.Groups["letter"].Value[0] - 'A' + 1) % 5)})" + answer[(choice.Index + choice.Length)..];
        if (numbers.Count == 0)
            return answer + "+1";
        var first = numbers[0];
        var changed = (BigInteger.Parse(first.Value, CultureInfo.InvariantCulture) + 1).ToString(CultureInfo.InvariantCulture);
        return answer[..first.Index] + changed + answer[(first.Index + first.Length)..];
    }

    [GeneratedRegex(@"^\d+$")]
    private static partial Regex Integer();

    [GeneratedRegex(@"^(?<sign>-?)\\frac\{(?<num>\d+)\}\{(?<den>\d+)\}$")]
    private static partial Regex Fraction();

    [GeneratedRegex(@"\d+")]
    private static partial Regex Digits();

    [GeneratedRegex(@"\((?<letter>[A-E])\)")]
    private static partial Regex ChoiceLetter();
}
