namespace AbsoluteZero.Evaluation.MathGrading;

/// <summary>
/// A problem's reference answer as the grader needs it. Most benchmarks have one answer; OlympiadBench lists
/// several when <paramref name="IsMultipleAnswer"/> is set (all are required, in any order) and may name a
/// <paramref name="Unit"/> that answers are allowed to carry.
/// </summary>
public sealed record MathReference(IReadOnlyList<string> Answers, bool IsMultipleAnswer = false, string? Unit = null)
{
    /// <summary>An absolute error a numeric answer may have (OlympiadBench's <c>error</c> field); null: none.</summary>
    public decimal? AbsoluteError { get; init; }

    public static MathReference Of(string answer) => new([answer]);

    /// <summary>The answers as one string for parsing: several answers become a list.</summary>
    public string Combined => string.Join(", ", Answers.Select(a => a.Trim().Trim('$').Trim()));
}

/// <summary>What grading one response gave: the answer found in it (null when none) and its verdict.</summary>
public sealed record MathGrade(string? Extracted, bool Correct);
