using AbsoluteZero.Evaluation.Generation;
using AbsoluteZero.Evaluation.Statistics;

namespace AbsoluteZero.Evaluation.Tests.Generation;

/// <summary>Scores from judged samples: pass@1, pass@k with the unbiased estimator, base/plus, n and the interval.</summary>
public sealed class EvalScoresTests
{
    [Fact]
    public void Greedy_pass_at_1_is_passed_over_problems_with_an_interval_around_it()
    {
        var samples = Enumerable.Range(0, 30).Select(i => Sample($"P{i}", 0, passed: i % 3 == 0)).ToList();

        var metric = Assert.Single(EvalScores.Compute("aime2024", evalPlus: false, samples));

        Assert.Equal(("aime2024", "pass@1", 30), (metric.Benchmark, metric.Metric, metric.N));
        Assert.Equal(10 / 30.0, metric.Value, 12);
        Assert.True(metric.CiLow < metric.Value && metric.Value < metric.CiHigh, $"{metric.CiLow}..{metric.CiHigh}");
        Assert.Equal(BootstrapInterval.Compute(samples.Select(s => s.Passed ? 1.0 : 0.0).ToList()), new ScoreWithInterval(metric.N, metric.Value, metric.CiLow, metric.CiHigh));
    }

    [Fact]
    public void Sampled_pass_at_k_is_the_mean_of_the_unbiased_estimator_for_each_usual_k_up_to_n()
    {
        // Three problems, ten samples each, with 0, 3 and 10 correct.
        var samples = new[] { ("A", 0), ("B", 3), ("C", 10) }
            .SelectMany(p => Enumerable.Range(0, 10).Select(i => Sample(p.Item1, i, passed: i < p.Item2))).ToList();

        var metrics = EvalScores.Compute("math500", evalPlus: false, samples).ToDictionary(m => m.Metric);

        Assert.Equal(["pass@1", "pass@5", "pass@10"], metrics.Keys);
        Assert.Equal((0 + 0.3 + 1) / 3, metrics["pass@1"].Value, 12);
        Assert.Equal((0 + (1 - 7.0 / 10 * 6 / 9 * 5 / 8 * 4 / 7 * 3 / 6) + 1) / 3, metrics["pass@5"].Value, 12);
        Assert.Equal((0 + 1 + 1) / 3.0, metrics["pass@10"].Value, 12);
        Assert.All(metrics.Values, m => Assert.Equal(3, m.N));
    }

    [Fact]
    public void Evalplus_sets_also_report_base_and_plus()
    {
        EvalSampleResult[] samples =
        [
            Sample("HumanEval/0", 0, passed: true, basePassed: true),
            Sample("HumanEval/1", 0, passed: false, basePassed: true),
            Sample("HumanEval/2", 0, passed: false, basePassed: false),
            Sample("HumanEval/3", 0, passed: false, basePassed: false),
        ];

        var metrics = EvalScores.Compute("humaneval-plus", evalPlus: true, samples).ToDictionary(m => m.Metric, m => m.Value);

        Assert.Equal(new Dictionary<string, double> { ["pass@1"] = 0.25, ["base_pass@1"] = 0.5, ["plus_pass@1"] = 0.25 }, metrics);
    }

    [Fact]
    public void The_ks_are_the_usual_ones_below_n_and_n_itself()
    {
        Assert.Equal([1], EvalScores.KsFor(1));
        Assert.Equal([1, 5, 8], EvalScores.KsFor(8));
        Assert.Equal([1, 5, 10, 20, 50, 100], EvalScores.KsFor(100));
        Assert.Empty(EvalScores.Compute("gsm8k", false, []));
    }

    private static EvalSampleResult Sample(string problem, int index, bool passed, bool? basePassed = null) =>
        new("b", problem, index, "prompt", "response", null, passed, basePassed, basePassed is null ? null : passed, passed ? null : "why", null, false);
}
