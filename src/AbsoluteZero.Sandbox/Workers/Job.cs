using AbsoluteZero.Core.Execution;

namespace AbsoluteZero.Sandbox.Workers;

/// <summary>One request on its way through the pool: where its result goes, and how long a worker may take on it.</summary>
internal sealed class Job(Batch batch, int index, ExecutionRequest request, int timeoutMs)
{
    public ExecutionRequest Request { get; } = request;

    public int TimeoutMs { get; } = timeoutMs;

    /// <summary>The longest a worker may take on this job before the pool stops trusting it (both runs of a validate, plus slack).</summary>
    public TimeSpan WatchdogLimit => TimeSpan.FromMilliseconds(TimeoutMs * (Request.Check == ExecutionCheck.Validate ? 2 : 1) + 5_000);

    public bool IsAbandoned => batch.IsAbandoned;

    public void Complete(ExecutionResult result) => batch.Complete(index, result);

    public void Fail(Exception exception) => batch.Fail(exception);
}
