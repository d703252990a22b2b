using AbsoluteZero.Core.Execution;

namespace AbsoluteZero.Sandbox.Workers;

/// <summary>One request on its way through the pool, with the completion its caller awaits.</summary>
internal sealed class Job(ExecutionRequest request, int timeoutMs)
{
    private readonly TaskCompletionSource<ExecutionResult> _completion = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public ExecutionRequest Request { get; } = request;

    public int TimeoutMs { get; } = timeoutMs;

    /// <summary>The longest a worker may take on this job before the pool stops trusting it (both runs of a validate, plus slack).</summary>
    public TimeSpan WatchdogLimit => TimeSpan.FromMilliseconds(TimeoutMs * (Request.Check == ExecutionCheck.Validate ? 2 : 1) + 5_000);

    public Task<ExecutionResult> Completion => _completion.Task;

    public bool IsAbandoned => _completion.Task.IsCompleted;

    public void Complete(ExecutionResult result) => _completion.TrySetResult(result);

    public void Cancel() => _completion.TrySetCanceled();

    public void Fail(Exception exception) => _completion.TrySetException(exception);
}
