using AbsoluteZero.Core.Tasks;

namespace AbsoluteZero.Core.Advantages;

/// <summary>One trained response: which of the six batches it belongs to, its composite reward and its length.</summary>
/// <param name="ResponseTokens">Valid response tokens (EOS included), the tokens the loss covers.</param>
public sealed record ScoredSequence(TaskType TaskType, Role Role, double Reward, int ResponseTokens);

/// <summary>The whitening statistics of one (task type, role) batch, for the <c>critic/*</c> metrics.</summary>
public sealed record BatchStatistics(TaskType TaskType, Role Role, int Sequences, long Tokens, double Mean, double Variance);

/// <summary>Per-sequence advantages aligned with the input, and the statistics of each batch.</summary>
public sealed record AdvantageResult(IReadOnlyList<double> Advantages, IReadOnlyList<BatchStatistics> Batches);

/// <summary>
/// TRR++ (AZR.md §4.1): REINFORCE++ whitening computed separately inside each of the six (task type, role) batches,
/// so each has its own baseline and nothing mixes across batches. With gamma = 1 and the reward on the last token,
/// every valid token's return is the sequence reward R; mean and unbiased variance are taken over all valid tokens
/// of the batch (so long responses weigh more), and every token gets <c>(R − mean) / sqrt(var + 1e−8)</c>.
/// </summary>
public static class TaskRelativeAdvantage
{
    public const double Epsilon = 1e-8;

    public static AdvantageResult Compute(IReadOnlyList<ScoredSequence> sequences)
    {
        var advantages = new double[sequences.Count];
        var batches = new List<BatchStatistics>();
        foreach (var batch in Enumerable.Range(0, sequences.Count).GroupBy(i => (sequences[i].TaskType, sequences[i].Role)))
        {
            var members = batch.ToList();
            var (mean, variance, tokens) = Statistics(members.Select(i => sequences[i]));
            var scale = 1.0 / Math.Sqrt(variance + Epsilon);
            foreach (var i in members)
                advantages[i] = sequences[i].ResponseTokens > 0 ? (sequences[i].Reward - mean) * scale : 0.0;
            batches.Add(new BatchStatistics(batch.Key.TaskType, batch.Key.Role, members.Count, tokens, mean, variance));
        }

        return new AdvantageResult(advantages, batches);
    }

    /// <summary>
    /// Token-weighted mean and Bessel-corrected variance of the returns. A batch with a single token has no
    /// unbiased variance (the reference raises there); it is treated as variance 0, so its advantage is 0.
    /// </summary>
    private static (double Mean, double Variance, long Tokens) Statistics(IEnumerable<ScoredSequence> batch)
    {
        var list = batch.Where(s => s.ResponseTokens > 0).ToList();
        foreach (var s in list)
        {
            if (!double.IsFinite(s.Reward))
                throw new ArgumentException($"reward {s.Reward} of a {s.TaskType.BatchName(s.Role)} sequence is not finite", nameof(batch));
        }

        long tokens = list.Sum(s => (long)s.ResponseTokens);
        if (tokens == 0)
            return (0, 0, 0);
        var mean = list.Sum(s => s.ResponseTokens * s.Reward) / tokens;
        if (tokens == 1)
            return (mean, 0, tokens);
        var squares = list.Sum(s => s.ResponseTokens * (s.Reward - mean) * (s.Reward - mean));
        return (mean, squares / (tokens - 1), tokens);
    }
}
