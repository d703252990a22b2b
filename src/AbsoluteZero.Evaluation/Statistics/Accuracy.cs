namespace AbsoluteZero.Evaluation.Statistics;

public static class Accuracy
{
    /// <summary>The fraction of correct verdicts (0–1).</summary>
    public static double Mean(IReadOnlyList<bool> verdicts) =>
        verdicts.Count == 0 ? throw new ArgumentException("no verdicts", nameof(verdicts)) : verdicts.Count(v => v) / (double)verdicts.Count;
}
