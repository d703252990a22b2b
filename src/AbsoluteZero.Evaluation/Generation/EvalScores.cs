using AbsoluteZero.Evaluation.Statistics;

namespace AbsoluteZero.Evaluation.Generation;

/// <summary>
/// A benchmark's scores from its judged samples. pass@k is the unbiased estimator (<see cref="PassAtK"/>) per problem,
/// averaged over problems, for the usual k up to the samples drawn per problem (greedy decoding: pass@1 only, which is
/// then simply passed / n); every score has n problems and a 95% percentile bootstrap interval over problems.
/// HumanEval+ and MBPP+ also get <c>base_pass@k</c> and <c>plus_pass@k</c> (plus is the headline pass@k).
/// </summary>
public static class EvalScores
{
    private static readonly int[] UsualK = [1, 5, 10, 20, 50, 100, 200, 500, 1000];

    public static string PassAt(int k) => $"pass@{k}";

    public static string BasePassAt(int k) => $"base_pass@{k}";

    public static string PlusPassAt(int k) => $"plus_pass@{k}";

    /// <summary>The k reported for <paramref name="samples"/> samples per problem: the usual ones up to it, and itself.</summary>
    public static IReadOnlyList<int> KsFor(int samples) => [.. UsualK.Where(k => k < samples), samples];

    public static IReadOnlyList<EvalMetric> Compute(string benchmark, bool evalPlus, IReadOnlyList<EvalSampleResult> samples)
    {
        var problems = samples.GroupBy(s => s.ProblemId).ToList();
        if (problems.Count == 0)
            return [];
        var drawn = problems.Min(p => p.Count());
        var metrics = new List<EvalMetric>();
        foreach (var k in KsFor(drawn))
        {
            metrics.Add(Score(benchmark, PassAt(k), problems, k, s => s.Passed));
            if (!evalPlus)
                continue;
            metrics.Add(Score(benchmark, BasePassAt(k), problems, k, s => s.BasePassed == true));
            metrics.Add(Score(benchmark, PlusPassAt(k), problems, k, s => s.PlusPassed == true));
        }

        return metrics;
    }

    private static EvalMetric Score(string benchmark, string metric, IReadOnlyList<IGrouping<string, EvalSampleResult>> problems, int k,
        Func<EvalSampleResult, bool> passed)
    {
        var perProblem = problems.Select(p => PassAtK.Estimate(p.Count(), p.Count(passed), k)).ToList();
        var interval = BootstrapInterval.Compute(perProblem);
        return new EvalMetric(benchmark, metric, interval.Mean, interval.N, interval.Lower, interval.Upper);
    }
}
