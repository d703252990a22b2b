namespace AbsoluteZero.Data.Runs;

/// <summary>
/// A run's life: queued → running → succeeded | failed | cancelled, or queued → cancelled. The last three are final.
/// </summary>
public enum RunStatus
{
    Queued,
    Running,
    Succeeded,
    Failed,
    Cancelled,
}

public static class RunStatusExtensions
{
    public static bool IsFinal(this RunStatus status) => status is RunStatus.Succeeded or RunStatus.Failed or RunStatus.Cancelled;
}
