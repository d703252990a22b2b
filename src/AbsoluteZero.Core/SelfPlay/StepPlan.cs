using AbsoluteZero.Core.Buffers;
using AbsoluteZero.Core.Configuration;
using AbsoluteZero.Core.Prompts;
using AbsoluteZero.Core.Tasks;

namespace AbsoluteZero.Core.SelfPlay;

/// <summary>A solver batch's task with the step it entered its buffer.</summary>
public sealed record PlannedSolverTask(SelfPlayTask Task, int TaskStep);

/// <summary>
/// The step's batches, all built from the buffers as they are at the start of the step (AZR.md §6.1): per task type
/// B proposer prompts (K references from that type's buffer; for induction one program from the union of both
/// triplet buffers) and B solver tasks (tasks added within the new-task window first, topped up uniformly; tasks whose
/// solver prompt does not fit are never drawn). A batch that cannot be built (an induction proposer with no program to
/// show, a solver with no task whose prompt fits) is left out of this step, and <see cref="Notes"/> says so.
/// </summary>
public sealed record StepPlan(
    IReadOnlyList<(TaskType Type, IReadOnlyList<ProposerPrompt> Prompts)> Proposers,
    IReadOnlyList<(TaskType Type, IReadOnlyList<PlannedSolverTask> Tasks)> Solvers,
    IReadOnlyList<string> Notes)
{
    public static StepPlan Build(int step, RunConfig config, TaskBuffers buffers, SamplerStreams streams, ProposerPromptBuilder builder, SolverPromptFit fit)
    {
        var s = config.SelfPlay;
        var proposers = new List<(TaskType, IReadOnlyList<ProposerPrompt>)>();
        var solvers = new List<(TaskType, IReadOnlyList<PlannedSolverTask>)>();
        var notes = new List<string>();
        var inductionPrograms = s.TaskTypes.Contains(TaskType.Induction) ? buffers.InductionPrograms() : [];
        foreach (var type in s.TaskTypes)
        {
            var pool = type == TaskType.Induction ? inductionPrograms : buffers.Triplets(type).Entries.Select(e => e.Task).ToList();
            var references = streams[SamplerStreams.References(type)];
            if (type == TaskType.Induction && pool.Count == 0)
                notes.Add($"step {step}: no induction proposer batch: the deduction and abduction buffers hold no program to write inputs for");
            else
            {
                proposers.Add((type, Enumerable.Range(0, s.BatchSize)
                    .Select(_ => builder.Build(type, pool, s.IncludeReferences ? s.References : 0, s.InductionInputs, seeding: false, references))
                    .ToList()));
            }

            var tasks = SolverTasks(type, buffers, step, s, streams[SamplerStreams.SolverBatch(type)], fit);
            if (tasks is null)
                notes.Add($"step {step}: no {type.JsonName()} solver batch: no task in its buffer has a solver prompt within {config.Generation.MaxPromptTokens} tokens");
            else
                solvers.Add((type, tasks));
        }

        return new StepPlan(proposers, solvers, notes);
    }

    private static IReadOnlyList<PlannedSolverTask>? SolverTasks(TaskType type, TaskBuffers buffers, int step, SelfPlaySettings s, AzrRandom random, SolverPromptFit fit)
    {
        if (type == TaskType.Induction)
            return Sample(buffers.Induction.Entries, SelfPlayTask.Of);
        return Sample(buffers.Triplets(type).Entries, t => SelfPlayTask.Of(type, t));

        IReadOnlyList<PlannedSolverTask>? Sample<T>(IReadOnlyList<BufferEntry<T>> entries, Func<T, SelfPlayTask> wrap)
            where T : class
        {
            bool Usable(BufferEntry<T> e) => fit.Fits(wrap(e.Task));
            if (!entries.Any(Usable))
                return null;
            return TaskSampler.SolverBatch(entries, step, s.SolverNewTaskWindow, s.BatchSize, random, Usable)
                .Select(e => new PlannedSolverTask(wrap(e.Task), e.Step))
                .ToList();
        }
    }
}
