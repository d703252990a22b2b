using System.Runtime.InteropServices;

namespace AbsoluteZero.Training;

/// <summary>
/// Turns SIGTERM and SIGINT into a stop request for a training session instead of ending the process, so the session
/// can checkpoint before it exits. The first signal cancels; later ones are ignored (a supervisor that wants the
/// process gone sends SIGKILL after its grace period).
/// </summary>
public sealed class StopSignals : IDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly PosixSignalRegistration[] _registrations;

    public StopSignals()
    {
        _registrations =
        [
            PosixSignalRegistration.Create(PosixSignal.SIGTERM, OnSignal),
            PosixSignalRegistration.Create(PosixSignal.SIGINT, OnSignal),
        ];
    }

    public CancellationToken Token => _stop.Token;

    /// <summary>The first signal received, if any.</summary>
    public PosixSignal? Received { get; private set; }

    /// <summary>The conventional exit code of a process ended by the received signal (128 + its number).</summary>
    public int ExitCode => Received == PosixSignal.SIGINT ? 130 : 143;

    private void OnSignal(PosixSignalContext context)
    {
        context.Cancel = true;
        lock (_stop)
        {
            if (Received is not null)
                return;
            Received = context.Signal;
        }

        _stop.Cancel();
    }

    public void Dispose()
    {
        foreach (var registration in _registrations)
            registration.Dispose();
        _stop.Dispose();
    }
}
