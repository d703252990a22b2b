using AbsoluteZero.Core.Configuration;
using AbsoluteZero.Core.Tasks;

namespace AbsoluteZero.Core.Buffers;

/// <summary>
/// The three buffers of a run (reference <c>input</c>, <c>output</c>, <c>problem</c>). At the start the same seed
/// triplets fill both the abduction and the deduction buffer, tagged step 0, and the induction seeds fill the third.
/// </summary>
public sealed class TaskBuffers
{
    public TaskBuffers(SelfPlaySettings settings)
    {
        Abduction = new TaskBuffer<Triplet>(settings.MaxBufferSize, settings.BufferOverflow);
        Deduction = new TaskBuffer<Triplet>(settings.MaxBufferSize, settings.BufferOverflow);
        Induction = new TaskBuffer<InductionTask>(settings.MaxBufferSize, settings.BufferOverflow);
    }

    public TaskBuffer<Triplet> Abduction { get; }

    public TaskBuffer<Triplet> Deduction { get; }

    public TaskBuffer<InductionTask> Induction { get; }

    public static TaskBuffers FromSeeds(SeedingResult seeds, SelfPlaySettings settings)
    {
        var buffers = new TaskBuffers(settings);
        buffers.Abduction.Add(seeds.Triplets, step: 0);
        buffers.Deduction.Add(seeds.Triplets, step: 0);
        buffers.Induction.Add(seeds.InductionTasks, step: 0);
        return buffers;
    }

    /// <summary>The deduction or abduction buffer.</summary>
    public TaskBuffer<Triplet> Triplets(TaskType type) => type switch
    {
        TaskType.Abduction => Abduction,
        TaskType.Deduction => Deduction,
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, "induction tasks are not triplets"),
    };

    /// <summary>
    /// Where an induction proposer's program is drawn from: every program of both triplet buffers, duplicates
    /// included (the seeds are in both), as the reference's union list is.
    /// </summary>
    public IReadOnlyList<Triplet> InductionPrograms() =>
        Abduction.Entries.Concat(Deduction.Entries).Select(e => e.Task).ToList();
}
