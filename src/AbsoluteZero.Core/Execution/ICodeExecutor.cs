namespace AbsoluteZero.Core.Execution;

/// <summary>
/// Runs untrusted Python with AZR semantics. The only source of reward in AZR, so every verdict in Core goes through
/// it: proposal validation, solver grading, answer equality, benchmark scoring. Implemented by the sandbox.
/// </summary>
public interface ICodeExecutor
{
    /// <summary>
    /// Runs a batch; the implementation may run requests in parallel. Returns exactly one result per request, in
    /// request order, whatever the programs do (a crashed worker yields an error result, never an exception).
    /// </summary>
    Task<IReadOnlyList<ExecutionResult>> ExecuteAsync(IReadOnlyList<ExecutionRequest> requests, CancellationToken cancellationToken = default);
}
