using AbsoluteZero.Core.Grading;
using AbsoluteZero.Core.Parsing;
using AbsoluteZero.Core.Prompts;
using AbsoluteZero.Core.Tasks;

namespace AbsoluteZero.Core.SelfPlay;

/// <summary>
/// A task of any of the three types as the step handles it: its solver prompt, the grading of a trained solver
/// response, and the learnability estimate. Keeps the per-type switch in one place.
/// </summary>
public sealed record SelfPlayTask
{
    private SelfPlayTask(TaskType type, Triplet? triplet, InductionTask? induction) =>
        (Type, Triplet, Induction) = (type, triplet, induction);

    public TaskType Type { get; }

    /// <summary>The task of a deduction or abduction batch.</summary>
    public Triplet? Triplet { get; }

    /// <summary>The task of an induction batch.</summary>
    public InductionTask? Induction { get; }

    public string Program => Triplet?.Program ?? Induction!.Program;

    public static SelfPlayTask Of(TaskType type, Triplet triplet) =>
        type == TaskType.Induction
            ? throw new ArgumentException("an induction task is not a triplet", nameof(type))
            : new SelfPlayTask(type, triplet, null);

    public static SelfPlayTask Of(InductionTask task) => new(TaskType.Induction, null, task);

    /// <summary>The solver prompt, wrapped in the R1 conversation template.</summary>
    public string SolverPrompt() => ConversationTemplate.Wrap(Type switch
    {
        TaskType.Abduction => SolverPrompts.Abduction(Triplet!),
        TaskType.Deduction => SolverPrompts.Deduction(Triplet!),
        _ => SolverPrompts.Induction(Induction!),
    });

    public Task<SolverVerdict> GradeAsync(SolverGrader grader, string response, CancellationToken cancellationToken) => Type switch
    {
        TaskType.Abduction => grader.AbductionAsync(Triplet!, response, cancellationToken),
        TaskType.Deduction => grader.DeductionAsync(Triplet!, response, cancellationToken),
        _ => grader.InductionAsync(Induction!, response, cancellationToken),
    };

    public Task<SolveRateEstimate> EstimateAsync(SolveRateEstimator estimator, IReadOnlyList<string> samples, CancellationToken cancellationToken) => Type switch
    {
        TaskType.Abduction => estimator.AbductionAsync(Triplet!, samples, cancellationToken),
        TaskType.Deduction => estimator.DeductionAsync(Triplet!, samples, cancellationToken),
        _ => estimator.InductionAsync(Induction!, samples, cancellationToken),
    };

    /// <summary>The answer a trained solver response gives, as the grader parses it (null: none could be parsed).</summary>
    public string? Answer(string response)
    {
        var content = ResponseText.AnswerContent(ResponseText.Generation(response));
        return Type switch
        {
            TaskType.Abduction => SolverAnswerParser.Input(content),
            TaskType.Deduction => SolverAnswerParser.Output(content),
            _ => SolverAnswerParser.Program(content),
        };
    }
}
