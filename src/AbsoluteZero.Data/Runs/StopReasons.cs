namespace AbsoluteZero.Data.Runs;

/// <summary>
/// Why a run stopped, recorded apart from its status so "cancelled by a user" and "its worker went away" are not
/// confused (ClearML marks both "completed"; see shared/notes/platforms.md).
/// </summary>
public static class StopReasons
{
    /// <summary>The run did all its work.</summary>
    public const string Completed = "completed";

    /// <summary>A user cancelled it; <see cref="Run.CancelRequestedBy"/> says who.</summary>
    public const string Cancelled = "cancelled";

    /// <summary>The launcher reported an error; <see cref="Run.Error"/> says what.</summary>
    public const string Error = "error";

    /// <summary>Its worker was shut down while the run was running.</summary>
    public const string WorkerShutdown = "worker_shutdown";

    /// <summary>Its job was delivered again after its worker died mid-run; nothing resumes implicitly.</summary>
    public const string WorkerLost = "worker_lost";
}
