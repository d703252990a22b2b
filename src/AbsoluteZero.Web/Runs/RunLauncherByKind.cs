using AbsoluteZero.Data.Runs;
using AbsoluteZero.Web.Training;
using Microsoft.Extensions.DependencyInjection;

namespace AbsoluteZero.Web.Runs;

/// <summary>
/// The platform's <see cref="IRunLauncher"/>: training runs go to <see cref="TrainingLauncher"/>, evaluation runs to
/// the launcher registered under the key <see cref="RunKind.Eval"/> (<see cref="Evaluation.EvaluationLauncher"/>).
/// </summary>
public sealed class RunLauncherByKind(TrainingLauncher training, [FromKeyedServices(RunKind.Eval)] IRunLauncher evaluation) : IRunLauncher
{
    public Task<RunOutcome> RunAsync(Run run, CancellationToken cancellation) => run.Kind switch
    {
        RunKind.Train => training.RunAsync(run, cancellation),
        RunKind.Eval => evaluation.RunAsync(run, cancellation),
        _ => throw new ArgumentOutOfRangeException(nameof(run), run.Kind, "unknown run kind"),
    };
}
