using AbsoluteZero.Evaluation.MathGrading;

namespace AbsoluteZero.Evaluation.Benchmarks.MathSets;

/// <summary>
/// One problem of a math benchmark, as prompts and grading need it. <see cref="Id"/> is the benchmark's own id
/// (AIME's <c>60</c> or <c>I-1</c>, MATH-500's <c>unique_id</c>, Minerva's <c>idx</c>); GSM8K has none, so its id is
/// the zero-based row number, as in the Qwen2.5-Math harness's copy.
/// </summary>
public sealed record MathProblem(string Benchmark, string Id, string Question, MathReference Reference)
{
    /// <summary>The worked solution where the benchmark has one (Minerva's holds the reference in its last box).</summary>
    public string? Solution { get; init; }

    /// <summary>MATH-500's subject, OlympiadBench's subfield, Minerva's course.</summary>
    public string? Subject { get; init; }

    /// <summary>MATH-500's difficulty level, 1–5.</summary>
    public int? Level { get; init; }

    /// <summary>OlympiadBench's answer type: Numerical, Expression, Tuple or Interval.</summary>
    public string? AnswerType { get; init; }

    /// <summary>OlympiadBench's shared context for a group of problems (none in the staged subset).</summary>
    public string? Context { get; init; }
}
