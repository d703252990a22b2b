using AbsoluteZero.Core.Configuration;

namespace AbsoluteZero.Evaluation.Statistics;

/// <summary>The paper's summary columns: code average, math average and overall.</summary>
public sealed record PaperAverageScores(double? CodeAverage, double? MathAverage, double? Overall);

/// <summary>
/// Averages as the AZR paper defines them (Table 1 caption): CAvg is the mean of HumanEval+, MBPP+ and
/// LiveCodeBench; MAvg the mean of AIME'24, AIME'25, AMC'23, MATH-500, Minerva and OlympiadBench (not GSM8K);
/// overall is (CAvg + MAvg) / 2, not the mean of nine numbers. An average is null while any of its benchmarks is
/// missing, so a partial row is never passed off as comparable.
/// </summary>
public static class PaperAverages
{
    public static PaperAverageScores Compute(IReadOnlyDictionary<string, double> scoresByBenchmark)
    {
        var code = MeanOf(BenchmarkNames.PaperCode, scoresByBenchmark);
        var math = MeanOf(BenchmarkNames.PaperMath, scoresByBenchmark);
        return new PaperAverageScores(code, math, code is { } c && math is { } m ? (c + m) / 2 : null);
    }

    private static double? MeanOf(IReadOnlyList<string> benchmarks, IReadOnlyDictionary<string, double> scores) =>
        benchmarks.All(scores.ContainsKey) ? benchmarks.Average(b => scores[b]) : null;
}
