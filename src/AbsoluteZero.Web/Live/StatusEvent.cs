using AbsoluteZero.Data.Runs;

namespace AbsoluteZero.Web.Live;

/// <summary>A run's status changed (or a cancel was requested), pushed to the run's subscribers.</summary>
public sealed record StatusEvent(
    long RunId,
    RunStatus Status,
    string? Error,
    string? StopReason,
    bool CancelRequested,
    int CurrentStep,
    DateTimeOffset At)
{
    public static StatusEvent From(Run run, DateTimeOffset at) =>
        new(run.Id, run.Status, run.Error, run.StopReason, run.CancelRequested, run.CurrentStep, at);
}
