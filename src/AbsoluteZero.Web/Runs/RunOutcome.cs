using AbsoluteZero.Data.Runs;

namespace AbsoluteZero.Web.Runs;

/// <summary>How a launcher says a run ended: succeeded, failed with a reason, or cancelled on request.</summary>
public sealed record RunOutcome(RunStatus Status, string? Error = null)
{
    public static readonly RunOutcome Succeeded = new(RunStatus.Succeeded);
    public static readonly RunOutcome Cancelled = new(RunStatus.Cancelled);

    public static RunOutcome Failed(string error) => new(RunStatus.Failed, error);
}
