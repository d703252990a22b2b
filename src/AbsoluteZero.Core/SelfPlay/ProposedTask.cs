using AbsoluteZero.Core.Grading;
using AbsoluteZero.Core.Tasks;

namespace AbsoluteZero.Core.SelfPlay;

/// <summary>Where a task record comes from: the seed set a run started with, or a proposer response of a step.</summary>
public enum TaskOrigin
{
    Seed,
    Proposal,
}

/// <summary>
/// One proposed task, valid or not, as the buffer browser shows it, or one seed (step 0). Every field a client needs
/// is here: the verdict and its reason, what could be read from the response, the sandbox's outputs, the solve rate and
/// the learnability samples it came from, the reward, and whether the task entered its buffer. Serialised with
/// <see cref="Json.AzrJson"/>; null fields are those that do not apply (e.g. <see cref="Inputs"/> of a deduction task).
/// </summary>
public sealed record ProposedTask
{
    /// <summary>The step that proposed it (the step it entered the buffer), 0 for seeds.</summary>
    public required int Step { get; init; }

    public required TaskType TaskType { get; init; }

    public required TaskOrigin Origin { get; init; }

    /// <summary>The sandbox accepted the task (it entered the buffer unless <see cref="AddedToBuffer"/> says otherwise).</summary>
    public required bool Valid { get; init; }

    /// <summary>The response passed the R1 format check (seeds: true).</summary>
    public required bool FormatOk { get; init; }

    /// <summary>Why the task is invalid, unformatted or not added; null when nothing is wrong.</summary>
    public string? Reason { get; init; }

    /// <summary>The program (parsed from the response, or for induction the program the proposer was given); null when none could be parsed.</summary>
    public string? Program { get; init; }

    /// <summary>Deduction/abduction: the proposed input.</summary>
    public string? Input { get; init; }

    /// <summary>Deduction/abduction: the output repr the sandbox produced (valid tasks only).</summary>
    public string? Output { get; init; }

    /// <summary>Induction: the proposed inputs (the first half is shown to solvers, the second half hidden).</summary>
    public IReadOnlyList<string>? Inputs { get; init; }

    /// <summary>Induction: the sandbox's output reprs, one per input (valid tasks only).</summary>
    public IReadOnlyList<string>? Outputs { get; init; }

    /// <summary>Induction: the message to the solver.</summary>
    public string? Message { get; init; }

    public IReadOnlyList<string> Imports { get; init; } = [];

    /// <summary>Mean score of the learnability samples; null when none were drawn (invalid proposals, seeds).</summary>
    public double? SolveRate { get; init; }

    /// <summary>The proposer reward this response was trained with; null for seeds.</summary>
    public double? Reward { get; init; }

    public required bool AddedToBuffer { get; init; }

    /// <summary>The proposer's reasoning (the text in its think tags).</summary>
    public string? Thought { get; init; }

    /// <summary>The response as generated (after the prompt's opening think tag); null for seeds.</summary>
    public string? Response { get; init; }

    /// <summary>The learnability samples as graded, in order.</summary>
    public IReadOnlyList<GradedAnswer> SolverAnswers { get; init; } = [];

    public static ProposedTask Seed(TaskType type, Triplet task) => new()
    {
        Step = 0, TaskType = type, Origin = TaskOrigin.Seed, Valid = true, FormatOk = true, AddedToBuffer = true,
        Program = task.Program, Input = task.Input, Output = task.Output, Imports = task.Imports,
    };

    public static ProposedTask Seed(InductionTask task) => new()
    {
        Step = 0, TaskType = TaskType.Induction, Origin = TaskOrigin.Seed, Valid = true, FormatOk = true, AddedToBuffer = true,
        Program = task.Program, Inputs = task.Inputs, Outputs = task.Outputs, Message = task.Message, Imports = task.Imports,
    };
}

/// <summary>One trained solver response of a step: which task it answered (by the step the task entered its buffer, and its program), what it answered and how it was judged.</summary>
public sealed record SolverAttempt(
    int Step,
    TaskType TaskType,
    int TaskStep,
    string Program,
    string? Answer,
    bool FormatOk,
    bool Correct,
    string? Reason,
    double Reward,
    int ResponseTokens,
    bool Truncated);
