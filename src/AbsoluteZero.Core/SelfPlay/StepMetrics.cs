using AbsoluteZero.Core.Advantages;
using AbsoluteZero.Core.Buffers;
using AbsoluteZero.Core.Policy;
using AbsoluteZero.Core.Tasks;

namespace AbsoluteZero.Core.SelfPlay;

/// <summary>
/// The metrics of one step, by name (see docs/training.md for each one's meaning). Every name is present in every
/// step (for the task types trained); a metric with nothing to measure this step (the solve rate of a batch without
/// a valid proposal, actor statistics of a step without an update) is null, never NaN, so a step line is plain JSON
/// and the set of names does not change from step to step.
/// </summary>
public sealed class StepMetrics
{
    private readonly SortedDictionary<string, double?> _values = new(StringComparer.Ordinal);

    public IReadOnlyDictionary<string, double?> Values => _values;

    /// <summary>Records a value; one that is not finite (nothing to average, a skipped update's norm) is recorded as null.</summary>
    public void Set(string name, double value) => _values[name] = double.IsFinite(value) ? value : null;

    /// <param name="batch">null when the type had no proposer batch this step.</param>
    public void Proposer(TaskType type, ProposerBatchOutcome? batch)
    {
        var p = $"propose/{type.JsonName()}/";
        var verdicts = batch?.Verdicts ?? [];
        Set(p + "valid_rate", Rate(verdicts.Count(v => v.Valid), verdicts.Count));
        Set(p + "format_rate", Rate(verdicts.Count(v => v.FormatOk), verdicts.Count));
        Set(p + "reward_mean", Mean(batch?.Rewards ?? []));
        Set(p + "solve_rate_mean", Mean((batch?.Estimates ?? []).Where(e => e is not null).Select(e => e!.SolveRate).ToList()));
        Set(p + "new_tasks", batch is null ? 0 : Enumerable.Range(0, batch.Count).Count(batch.Added));
    }

    /// <param name="batch">null when the type had no solver batch this step.</param>
    public void Solver(TaskType type, SolverBatchOutcome? batch)
    {
        var p = $"solve/{type.JsonName()}/";
        var verdicts = batch?.Verdicts ?? [];
        Set(p + "accuracy", Rate(verdicts.Count(v => v.Correct), verdicts.Count));
        Set(p + "format_rate", Rate(verdicts.Count(v => v.FormatOk), verdicts.Count));
        Set(p + "reward_mean", Mean(verdicts.Select(v => v.Reward).ToList()));
    }

    /// <summary>Rewards, advantages and lengths of the sequences the update was given (proposer batches only when the proposer is trained).</summary>
    public void Trained(IReadOnlyList<ScoredSequence> sequences, IReadOnlyList<double> advantages, IReadOnlyList<Generation> generations)
    {
        var rewards = sequences.Select(s => s.Reward).ToList();
        var mean = Mean(rewards);
        Set("reward/mean", mean);
        Set("reward/std", Math.Sqrt(Mean(rewards.Select(r => (r - mean) * (r - mean)).ToList())));
        Set("advantage/abs_mean", Mean(advantages.Select(Math.Abs).ToList()));
        var lengths = generations.Select(g => (double)g.ResponseTokens.Count).ToList();
        Set("response_length/mean", Mean(lengths));
        Set("response_length/max", lengths.Count > 0 ? lengths.Max() : double.NaN);
        Set("response_length/clip_ratio", Rate(generations.Count(g => g.Truncated), generations.Count));
    }

    /// <param name="stats">null when the step had nothing to train on.</param>
    public void Actor(UpdateStats? stats)
    {
        Set("actor/pg_loss", stats?.PgLoss ?? double.NaN);
        Set("actor/entropy", stats?.Entropy ?? double.NaN);
        Set("actor/grad_norm", stats?.GradNorm ?? double.NaN);
        Set("actor/lr", stats?.LearningRate ?? double.NaN);
        Set("actor/clip_frac", stats?.ClipFraction ?? double.NaN);
    }

    public void Buffers(TaskBuffers buffers, IEnumerable<TaskType> types)
    {
        foreach (var type in types)
            Set($"buffer/{type.JsonName()}/size", type == TaskType.Induction ? buffers.Induction.Count : buffers.Triplets(type).Count);
    }

    /// <summary>Statistics of this step's valid tasks of one type (AZR.md §3.5, §9), against the buffer as it was at the start of the step.</summary>
    public void Programs(TaskType type, IReadOnlyList<SelfPlayTask> valid, TaskBuffers startOfStep)
    {
        var p = $"programs/{type.JsonName()}/";
        if (valid.Count == 0)
        {
            foreach (var name in (string[])["mean_lines", "mean_depth", "mean_complexity", "answer_diversity"])
                Set(p + name, double.NaN);
            return;
        }

        var shapes = valid.Select(t => ProgramStatistics.Measure(t.Program)).ToList();
        Set(p + "mean_lines", shapes.Average(s => s.Lines));
        Set(p + "mean_depth", shapes.Average(s => s.Depth));
        Set(p + "mean_complexity", shapes.Average(s => s.Complexity));
        var diversity = type switch
        {
            TaskType.Abduction => new AnswerDiversity(startOfStep.Abduction.Entries.Select(e => e.Task.Input)),
            TaskType.Deduction => new AnswerDiversity(startOfStep.Deduction.Entries.Select(e => e.Task.Output)),
            _ => new AnswerDiversity(startOfStep.Induction.Entries.SelectMany(e => e.Task.Inputs)),
        };
        Set(p + "answer_diversity", valid.Average(t => type switch
        {
            TaskType.Abduction => diversity.Of(t.Triplet!.Input),
            TaskType.Deduction => diversity.Of(t.Triplet!.Output),
            _ => diversity.MeanOf(t.Induction!.Inputs),
        }));
    }

    private static double Rate(int count, int total) => total == 0 ? double.NaN : count / (double)total;

    private static double Mean(IReadOnlyList<double> values) => values.Count == 0 ? double.NaN : values.Average();
}
