using System.Diagnostics;

namespace AbsoluteZero.Cli.Commands.Eval;

/// <summary>
/// Cancels a child's work when the process that supervises it (<c>--supervisor PID</c>, the worker) is gone, so a
/// worker that dies without stopping its child does not leave a model holding a GPU.
/// </summary>
internal sealed class SupervisorWatch : IDisposable
{
    private static readonly TimeSpan Every = TimeSpan.FromSeconds(2);

    private readonly CancellationTokenSource _gone = new();
    private readonly Timer? _timer;

    public SupervisorWatch(int? supervisor)
    {
        if (supervisor is { } pid)
            _timer = new Timer(_ => Check(pid), null, Every, Every);
    }

    public CancellationToken Gone => _gone.Token;

    public bool IsGone => _gone.IsCancellationRequested;

    private void Check(int pid)
    {
        if (_gone.IsCancellationRequested || IsAlive(pid))
            return;
        Console.Error.WriteLine($"azr eval: the supervising process {pid} is gone; stopping");
        _gone.Cancel();
    }

    private static bool IsAlive(int pid)
    {
        try
        {
            using var process = Process.GetProcessById(pid);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    public void Dispose()
    {
        _timer?.Dispose();
        _gone.Dispose();
    }
}
