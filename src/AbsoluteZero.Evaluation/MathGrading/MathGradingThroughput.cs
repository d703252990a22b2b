using System.Diagnostics;
using AbsoluteZero.Core.Configuration;
using AbsoluteZero.Evaluation.Benchmarks.MathSets;

namespace AbsoluteZero.Evaluation.MathGrading;

/// <summary>One response to grade, for throughput measurements.</summary>
public sealed record MathGradingCase(string Benchmark, string Response, MathReference Reference);

/// <summary>How fast math answers were graded: <paramref name="Answers"/> responses in <paramref name="Seconds"/>.</summary>
public sealed record MathGradingThroughputResult(int Answers, int Correct, double Seconds, double AnswersPerSecond);

/// <summary>
/// Measures math grading speed for <c>azr bench eval</c>: extraction plus equivalence over a fixed workload built
/// from the benchmark files (for every problem of every math benchmark, a response with the reference answer in
/// a box and one with a wrong answer), so runs on different machines grade the same answers.
/// </summary>
public static class MathGradingThroughput
{
    public static IReadOnlyList<MathGradingCase> Workload(string dataDirectory)
    {
        var cases = new List<MathGradingCase>();
        foreach (var benchmark in BenchmarkNames.Math)
        {
            foreach (var problem in MathBenchmarkLoader.Load(dataDirectory, benchmark))
            {
                var answer = problem.Reference.Combined;
                cases.Add(new MathGradingCase(benchmark, $"Reasoning step by step, we find the result.\nThe answer is $\\boxed{{{answer}}}$.", problem.Reference));
                cases.Add(new MathGradingCase(benchmark, $"<think>Trying small cases first.</think> <answer>\\boxed{{-({answer})-1}}</answer>", problem.Reference));
            }
        }

        return cases;
    }

    public static MathGradingThroughputResult Measure(IReadOnlyList<MathGradingCase> cases)
    {
        var stopwatch = Stopwatch.StartNew();
        var correct = cases.Count(c => MathGrader.Grade(c.Benchmark, c.Response, c.Reference).Correct);
        var seconds = stopwatch.Elapsed.TotalSeconds;
        return new MathGradingThroughputResult(cases.Count, correct, seconds, seconds > 0 ? cases.Count / seconds : double.PositiveInfinity);
    }
}
