using System.Globalization;
using System.Text.Json;
using AbsoluteZero.Core.Configuration;
using AbsoluteZero.Evaluation.MathGrading.Extraction;

namespace AbsoluteZero.Evaluation.MathGrading;

/// <summary>
/// Turns a reference answer as a benchmark stores it into a <see cref="MathReference"/>: GSM8K's worked answer
/// ends in <c>#### 70,000</c>; Minerva's solution holds the answer in its last <c>\boxed{}</c>; OlympiadBench keeps a
/// list of answers wrapped in dollar signs; AMC stores numbers as floats (27.0).
/// </summary>
public static class ReferenceAnswers
{
    /// <summary>The number after GSM8K's last <c>####</c> marker, commas removed; null when there is no marker.</summary>
    public static string? FromGsm8kAnswer(string answer)
    {
        var marker = answer.LastIndexOf("####", StringComparison.Ordinal);
        if (marker < 0)
            return null;
        var value = answer[(marker + 4)..].Trim().Replace(",", "");
        return value.Length == 0 ? null : value;
    }

    /// <summary>The content of the last <c>\boxed{}</c> of a Minerva solution; null when it has none.</summary>
    public static string? FromMinervaSolution(string solution) => BoxedAnswers.Last(solution)?.Trim();

    /// <summary>
    /// Reads the <c>answer</c> of an <c>azr grade</c> line: a string, a number or (OlympiadBench) a list of strings.
    /// A GSM8K worked answer or a Minerva solution is reduced to its final answer; a bare answer is taken as is.
    /// </summary>
    /// <exception cref="FormatException">The answer is empty or of a type the benchmark cannot use.</exception>
    public static MathReference FromJson(string benchmark, JsonElement answer, bool? isMultipleAnswer = null, string? unit = null)
    {
        var answers = answer.ValueKind switch
        {
            JsonValueKind.String => [answer.GetString()!],
            JsonValueKind.Number => [ScalarText(answer)],
            JsonValueKind.Array => answer.EnumerateArray().Select(item => item.ValueKind switch
            {
                JsonValueKind.String => item.GetString()!,
                JsonValueKind.Number => ScalarText(item),
                _ => throw new FormatException("every item of \"answer\" must be a string or a number"),
            }).ToList(),
            _ => throw new FormatException("\"answer\" must be a string, a number or a list of strings"),
        };
        answers = answers.Select(a => ForBenchmark(benchmark, a)).Where(a => a.Trim().Trim('$').Trim().Length > 0).ToList();
        if (answers.Count == 0)
            throw new FormatException("\"answer\" is empty");
        return new MathReference(answers, isMultipleAnswer ?? answers.Count > 1, unit);
    }

    private static string ForBenchmark(string benchmark, string answer) => benchmark switch
    {
        BenchmarkNames.Gsm8k => FromGsm8kAnswer(answer) ?? answer.Replace(",", "").Trim(),
        BenchmarkNames.MinervaMath => FromMinervaSolution(answer) ?? answer,
        _ => BoxedAnswers.Last(answer) is { } boxed && answer.TrimStart().StartsWith("\\boxed", StringComparison.Ordinal) ? boxed : answer,
    };

    /// <summary>A string, or a number as text with whole floats losing their ".0" (AMC's 27.0 → "27").</summary>
    public static string ScalarText(JsonElement value)
    {
        if (value.ValueKind == JsonValueKind.String)
            return value.GetString()!;
        if (value.TryGetInt64(out var integer))
            return integer.ToString(CultureInfo.InvariantCulture);
        var d = value.GetDouble();
        return d == Math.Floor(d) && Math.Abs(d) < 1e15 ? ((long)d).ToString(CultureInfo.InvariantCulture) : d.ToString("R", CultureInfo.InvariantCulture);
    }
}
