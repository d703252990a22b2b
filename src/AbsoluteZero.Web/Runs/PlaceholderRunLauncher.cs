using AbsoluteZero.Data.Runs;

namespace AbsoluteZero.Web.Runs;

/// <summary>
/// Stands in for evaluation (registered under <see cref="RunKind.Eval"/>) until the evaluator exists: it fails every
/// run, saying so, rather than pretending to evaluate.
/// </summary>
public sealed class PlaceholderRunLauncher : IRunLauncher
{
    public const string EvaluationMissing = "evaluation is not implemented yet";

    public Task<RunOutcome> RunAsync(Run run, CancellationToken cancellation) =>
        Task.FromResult(RunOutcome.Failed(EvaluationMissing));
}
