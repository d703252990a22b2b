using AbsoluteZero.Core.Execution;

namespace AbsoluteZero.Sandbox.Workers;

/// <summary>
/// The requests of one <see cref="ICodeExecutor.ExecuteAsync"/> call. Results land in their slots as workers finish
/// them, and the caller is resumed once, when the last one is in (one continuation per batch, not per request).
/// </summary>
internal sealed class Batch
{
    private readonly ExecutionResult[] _results;
    private readonly TaskCompletionSource<IReadOnlyList<ExecutionResult>> _completion = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _remaining;

    public Batch(int count)
    {
        _results = new ExecutionResult[count];
        _remaining = count;
        if (count == 0)
            _completion.SetResult(_results);
    }

    public Task<IReadOnlyList<ExecutionResult>> Completion => _completion.Task;

    /// <summary>Cancelled or failed: workers skip its jobs that have not started.</summary>
    public bool IsAbandoned => _completion.Task.IsCompleted;

    public void Complete(int index, ExecutionResult result)
    {
        _results[index] = result;
        if (Interlocked.Decrement(ref _remaining) == 0)
            _completion.TrySetResult(_results);
    }

    public void Cancel() => _completion.TrySetCanceled();

    public void Fail(Exception exception) => _completion.TrySetException(exception);
}
