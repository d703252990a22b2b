using AbsoluteZero.Data.Runs;

namespace AbsoluteZero.Web.Runs;

/// <summary>
/// Stands in until the trainer and the evaluator exist: it fails every run, saying so, rather than pretending to train.
/// </summary>
public sealed class PlaceholderRunLauncher : IRunLauncher
{
    public const string TrainingMissing = "training is not implemented yet";
    public const string EvaluationMissing = "evaluation is not implemented yet";

    public Task<RunOutcome> RunAsync(Run run, CancellationToken cancellation) =>
        Task.FromResult(RunOutcome.Failed(run.Kind == RunKind.Train ? TrainingMissing : EvaluationMissing));
}
