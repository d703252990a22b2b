using System.Text.RegularExpressions;
using AbsoluteZero.Core.Configuration;
using AbsoluteZero.Evaluation.MathGrading.Expressions;
using AbsoluteZero.Evaluation.MathGrading.Extraction;
using AbsoluteZero.Evaluation.MathGrading.Normalization;

namespace AbsoluteZero.Evaluation.MathGrading;

/// <summary>
/// What differs between the math benchmarks: AIME, AMC and GSM8K have numeric answers that must match exactly
/// (AIME: integers 0–999, leading zeros allowed); GSM8K's answer is the last number of a response without a box;
/// answers of several values (OlympiadBench's multiple answers, MATH's lists of roots) may come as a closing run of
/// boxes (<c>\boxed{2}, \boxed{3}</c>).
/// </summary>
public static partial class MathBenchmarkRules
{
    public static bool IsMathBenchmark(string benchmark) => BenchmarkNames.Math.Contains(benchmark, StringComparer.Ordinal);

    public static GradingTolerance ToleranceFor(string benchmark) => benchmark switch
    {
        BenchmarkNames.Aime2024 or BenchmarkNames.Aime2025 or BenchmarkNames.Amc2023 or BenchmarkNames.Gsm8k => GradingTolerance.Exact,
        _ => GradingTolerance.Default,
    };

    public static string? Extract(string benchmark, string response, MathReference reference)
    {
        var tagged = AnswerExtractor.AnswerTagContent(response);
        var source = tagged ?? response;
        switch (benchmark)
        {
            case BenchmarkNames.Gsm8k:
                if (tagged is null && BoxedAnswers.Last(response) is null)
                    return AnswerExtractor.LastNumber(response);
                break;
            case BenchmarkNames.Aime2024 or BenchmarkNames.Aime2025:
                // Without a box, prose that does not end on a plain integer gives its last integer of 0–999.
                if (tagged is null && BoxedAnswers.Last(response) is null)
                {
                    var generic = AnswerExtractor.Extract(response);
                    return generic is not null && (AimeInteger().IsMatch(generic.Trim()) || !AnswerExtractor.LooksLikeProse(response))
                        ? generic
                        : LastAimeInteger(response) ?? generic;
                }

                break;
        }

        // An answer of several values may come as several boxes: \boxed{3}, \boxed{5}, and \boxed{7}.
        if (ExpectsSeveralValues(reference) && ClosingBoxRun(source) is { } run)
            return run;

        return AnswerExtractor.Extract(response);
    }

    private static bool ExpectsSeveralValues(MathReference reference) =>
        reference.IsMultipleAnswer || reference.Answers.Count > 1
        || LatexGroups.SplitTopLevel(LatexNormalizer.Normalize(reference.Combined).Text, ",", ";").Count > 1;

    /// <summary>The final boxes that follow one another with only separators between them, joined as a list.</summary>
    private static string? ClosingBoxRun(string text)
    {
        var boxes = BoxedAnswers.FindAll(text);
        if (boxes.Count < 2)
            return null;
        var run = new List<string> { boxes[^1].Content.Trim() };
        for (var i = boxes.Count - 2; i >= 0; i--)
        {
            var gap = text[boxes[i].End..boxes[i + 1].Start];
            if (!Separator().IsMatch(gap))
                break;
            run.Insert(0, boxes[i].Content.Trim());
        }

        return run.Count > 1 ? string.Join(", ", run) : null;
    }

    private static string? LastAimeInteger(string response)
    {
        var matches = AimeIntegerInText().Matches(response.Replace(",", ""));
        return matches.Count == 0 ? null : matches[^1].Value;
    }

    [GeneratedRegex(@"^[\s$,;.]*((and|or|,|;|\\quad|\\qquad|\\text\{\s*(and|or)\s*\})[\s$,;.]*)?$")]
    private static partial Regex Separator();

    [GeneratedRegex(@"(?<![\d.])\d{1,3}(?!\d|\.\d)")]
    private static partial Regex AimeIntegerInText();

    [GeneratedRegex(@"^\d{1,3}$")]
    private static partial Regex AimeInteger();
}
