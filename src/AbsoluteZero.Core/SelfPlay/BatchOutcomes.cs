using AbsoluteZero.Core.Configuration;
using AbsoluteZero.Core.Grading;
using AbsoluteZero.Core.Parsing;
using AbsoluteZero.Core.Policy;
using AbsoluteZero.Core.Prompts;
using AbsoluteZero.Core.Tasks;
using AbsoluteZero.Core.Validation;

namespace AbsoluteZero.Core.SelfPlay;

/// <summary>Why a valid task did not enter its buffer; null when it did.</summary>
public enum NotAddedReason
{
    /// <summary>Its solver prompt is over <c>generation.max_prompt_tokens</c>, so no solve rate could be estimated (the reference drops it too).</summary>
    SolverPromptTooLong,

    /// <summary>The buffer is full and keeps its oldest entries (<c>self_play.buffer_overflow: keep_oldest</c>).</summary>
    BufferFull,
}

/// <summary>A proposer batch after rewards: per response its generation, verdict, estimate (null when none), reward and what happened to its task.</summary>
public sealed record ProposerBatchOutcome(
    TaskType Type,
    IReadOnlyList<ProposerPrompt> Prompts,
    IReadOnlyList<Generation> Generations,
    IReadOnlyList<ProposalVerdict> Verdicts,
    IReadOnlyList<SolveRateEstimate?> Estimates,
    IReadOnlyList<double> Rewards,
    IReadOnlyList<NotAddedReason?> NotAdded)
{
    public int Count => Generations.Count;

    public bool Added(int i) => Verdicts[i].Valid && NotAdded[i] is null;

    public IEnumerable<SelfPlayTask> ValidTasks() =>
        Verdicts.Where(v => v.Valid).Select(v => v.Triplet is { } t ? SelfPlayTask.Of(Type, t) : SelfPlayTask.Of(v.InductionTask!));

    public IEnumerable<ProposedTask> Records(int step, RunConfig config) =>
        Enumerable.Range(0, Count).Select(i => Record(step, i, config));

    private ProposedTask Record(int step, int i, RunConfig config)
    {
        var v = Verdicts[i];
        var content = ResponseText.AnswerContent(ResponseText.Generation(Generations[i].Text));
        var record = new ProposedTask
        {
            Step = step,
            TaskType = Type,
            Origin = TaskOrigin.Proposal,
            Valid = v.Valid,
            FormatOk = v.FormatOk,
            Reason = NotAdded[i] switch
            {
                NotAddedReason.SolverPromptTooLong => $"its solver prompt is over {config.Generation.MaxPromptTokens} tokens, so it was not kept",
                NotAddedReason.BufferFull => $"the {Type.JsonName()} buffer is full ({config.SelfPlay.MaxBufferSize} tasks) and keeps its oldest tasks",
                _ => v.Reason,
            },
            SolveRate = Estimates[i]?.SolveRate,
            Reward = Rewards[i],
            AddedToBuffer = Added(i),
            Thought = v.Thought,
            Response = Generations[i].Text,
            SolverAnswers = Estimates[i]?.Answers ?? [],
        };

        if (Type == TaskType.Induction)
        {
            var read = ProposalParser.ReadInduction(content);
            var source = Prompts[i].References[0];
            return record with
            {
                Program = source.Program,
                Imports = source.Imports,
                Inputs = v.InductionTask?.Inputs ?? (read.Inputs.Count > 0 ? read.Inputs : null),
                Outputs = v.InductionTask?.Outputs,
                Message = v.InductionTask?.Message ?? read.Message,
            };
        }

        if (v.Triplet is { } t)
            return record with { Program = t.Program, Input = t.Input, Output = t.Output, Imports = t.Imports };
        var proposal = ProposalParser.ParseTriplet(content, config.SelfPlay.RejectMultipleFunctions, config.SelfPlay.FunctionRename).Value;
        return record with { Program = proposal?.Program, Input = proposal?.Input };
    }
}

/// <summary>A solver batch after grading: the tasks it was given, the responses and their verdicts.</summary>
public sealed record SolverBatchOutcome(
    TaskType Type,
    IReadOnlyList<PlannedSolverTask> Tasks,
    IReadOnlyList<Generation> Generations,
    IReadOnlyList<SolverVerdict> Verdicts)
{
    public int Count => Generations.Count;

    public IEnumerable<SolverAttempt> Records(int step) =>
        Enumerable.Range(0, Count).Select(i => new SolverAttempt(
            step, Type, Tasks[i].TaskStep, Tasks[i].Task.Program, Tasks[i].Task.Answer(Generations[i].Text),
            Verdicts[i].FormatOk, Verdicts[i].Correct, Verdicts[i].Reason, Verdicts[i].Reward,
            Generations[i].ResponseTokens.Count, Generations[i].Truncated));
}
