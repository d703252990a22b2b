namespace AbsoluteZero.Core.Execution;

/// <param name="Status">How the run ended.</param>
/// <param name="Output">The repr of the result when <paramref name="Status"/> is ok (or the first repr when nondeterministic).</param>
/// <param name="Error">Exception type and message, or the reason for any other non-ok status.</param>
/// <param name="Ms">Wall time spent on this request inside the sandbox, in milliseconds.</param>
public sealed record ExecutionResult(ExecutionStatus Status, string? Output, string? Error, double Ms)
{
    public bool IsOk => Status == ExecutionStatus.Ok;
}
