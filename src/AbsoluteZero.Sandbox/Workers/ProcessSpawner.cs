using System.Collections.Concurrent;
using System.Diagnostics;

namespace AbsoluteZero.Sandbox.Workers;

/// <summary>
/// Starts worker processes from one thread that lives as long as the pool. bwrap's <c>--die-with-parent</c> is a
/// parent-death signal, and Linux sends it when the *thread* that forked the process exits: started from a pool
/// thread that later retires, a healthy worker would be killed.
/// </summary>
internal sealed class ProcessSpawner : IDisposable
{
    private readonly BlockingCollection<(ProcessStartInfo Start, TaskCompletionSource<Process> Started)> _requests = new();
    private readonly Thread _thread;

    public ProcessSpawner()
    {
        _thread = new Thread(Run) { IsBackground = true, Name = "azr-sandbox-spawner" };
        _thread.Start();
    }

    public Task<Process> StartAsync(ProcessStartInfo start)
    {
        var started = new TaskCompletionSource<Process>(TaskCreationOptions.RunContinuationsAsynchronously);
        _requests.Add((start, started));
        return started.Task;
    }

    private void Run()
    {
        foreach (var (start, started) in _requests.GetConsumingEnumerable())
        {
            try
            {
                started.SetResult(Process.Start(start) ?? throw new InvalidOperationException($"{start.FileName} did not start"));
            }
            catch (Exception exception)
            {
                started.SetException(exception);
            }
        }
    }

    public void Dispose()
    {
        _requests.CompleteAdding();
        _thread.Join();
        _requests.Dispose();
    }
}
