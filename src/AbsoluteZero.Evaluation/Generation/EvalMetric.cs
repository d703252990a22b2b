namespace AbsoluteZero.Evaluation.Generation;

/// <summary>
/// One score of one benchmark: <c>pass@1</c>, <c>base_pass@1</c>, <c>plus_pass@1</c>, <c>pass@k</c>…, a fraction in
/// 0–1 over <paramref name="N"/> problems with its 95% bootstrap interval over problems.
/// </summary>
public sealed record EvalMetric(string Benchmark, string Metric, double Value, int N, double CiLow, double CiHigh);
