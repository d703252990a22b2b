using System.Runtime.CompilerServices;
using AbsoluteZero.Core.Tasks;

namespace AbsoluteZero.Core.SelfPlay;

/// <summary>
/// Whether a task's solver prompt fits in <c>generation.max_prompt_tokens</c> (AZR.md §5.4: a task whose prompt is too
/// long is never given to a solver, and a fresh proposal whose estimation prompt is too long is not kept). Counting
/// tokens of every buffer entry every step would dominate a step, so each task is counted once; the cache holds
/// tasks weakly and forgets those that leave the buffers.
/// </summary>
public sealed class SolverPromptFit(Func<string, int> countTokens, int maxPromptTokens)
{
    private readonly Dictionary<TaskType, ConditionalWeakTable<object, StrongBox<bool>>> _fits = new()
    {
        [TaskType.Abduction] = new(),
        [TaskType.Deduction] = new(),
        [TaskType.Induction] = new(),
    };

    public bool Fits(SelfPlayTask task) =>
        _fits[task.Type].GetValue((object?)task.Triplet ?? task.Induction!, _ => new StrongBox<bool>(countTokens(task.SolverPrompt()) <= maxPromptTokens)).Value;
}
