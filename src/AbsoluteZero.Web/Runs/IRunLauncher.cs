using AbsoluteZero.Data.Runs;

namespace AbsoluteZero.Web.Runs;

/// <summary>
/// The seam between the platform and the work a run does. <see cref="RunJob"/> owns the run's status, cancellation
/// and recording; a launcher only does the work. Training runs are started as
/// <c>azr train --run ID</c> child processes by <see cref="Training.TrainingLauncher"/>; the platform
/// registers <see cref="RunLauncherByKind"/>, which hands each run to the launcher of its kind.
/// </summary>
public interface IRunLauncher
{
    /// <summary>
    /// Does the run's work. <paramref name="cancellation"/> fires when a user cancels the run or the worker shuts
    /// down; the launcher then stops promptly and returns <see cref="RunOutcome.Cancelled"/> (or throws
    /// <see cref="OperationCanceledException"/>). Any other exception fails the run with its message.
    /// </summary>
    Task<RunOutcome> RunAsync(Run run, CancellationToken cancellation);
}
