namespace AbsoluteZero.Core.SelfPlay;

/// <summary>
/// The reference's answer diversity ("surprise", AZR.md §3.5): how rare a proposed answer is among the answers already
/// in the buffer, <c>1 − count(answer) / total</c>, 1 for an answer never seen (or an empty history). Abduction
/// proposals are judged by their input against the abduction buffer's inputs, deduction proposals by their output
/// against the deduction buffer's outputs, induction proposals by the mean over their inputs against every input in
/// the induction buffer. Logged, never rewarded (the reference's intrinsic rewards are off).
/// </summary>
public sealed class AnswerDiversity
{
    private readonly Dictionary<string, int> _counts = new(StringComparer.Ordinal);
    private readonly int _total;

    public AnswerDiversity(IEnumerable<string> history)
    {
        foreach (var answer in history)
        {
            _counts[answer] = _counts.GetValueOrDefault(answer) + 1;
            _total++;
        }
    }

    public double Of(string answer) =>
        _total == 0 ? 1.0 : 1.0 - _counts.GetValueOrDefault(answer) / (double)_total;

    public double MeanOf(IReadOnlyList<string> answers) =>
        answers.Count == 0 ? 1.0 : answers.Average(Of);
}
