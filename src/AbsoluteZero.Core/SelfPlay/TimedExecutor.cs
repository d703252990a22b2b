using System.Diagnostics;
using AbsoluteZero.Core.Execution;

namespace AbsoluteZero.Core.SelfPlay;

/// <summary>
/// Passes executions through to the sandbox and measures how long it had work in flight (the union of overlapping
/// batches, so concurrent gradings are not counted twice) and how many programs it ran.
/// </summary>
public sealed class TimedExecutor(ICodeExecutor inner) : ICodeExecutor
{
    private readonly Lock _gate = new();
    private int _inFlight;
    private long _busySince;
    private long _busyTicks;
    private int _requests;

    public double BusySeconds
    {
        get
        {
            lock (_gate)
                return Stopwatch.GetElapsedTime(0, _busyTicks + (_inFlight > 0 ? Stopwatch.GetTimestamp() - _busySince : 0)).TotalSeconds;
        }
    }

    /// <summary>Program executions requested (a <c>validate</c> request counts once although it runs twice).</summary>
    public int Requests
    {
        get
        {
            lock (_gate)
                return _requests;
        }
    }

    public async Task<IReadOnlyList<ExecutionResult>> ExecuteAsync(IReadOnlyList<ExecutionRequest> requests, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            if (_inFlight++ == 0)
                _busySince = Stopwatch.GetTimestamp();
            _requests += requests.Count;
        }

        try
        {
            return await inner.ExecuteAsync(requests, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            lock (_gate)
            {
                if (--_inFlight == 0)
                    _busyTicks += Stopwatch.GetTimestamp() - _busySince;
            }
        }
    }
}
