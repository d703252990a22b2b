using AbsoluteZero.Data.Runs;

namespace AbsoluteZero.Web.Runs;

/// <summary>
/// The seam between the platform and the work a run does. <see cref="RunJob"/> owns the run's status, cancellation
/// and recording; a launcher only does the work. Training (issue #6) will provide one that starts
/// <c>azr train --run ID</c> as a child process and supervises it; until then <see cref="PlaceholderRunLauncher"/> stands in.
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
