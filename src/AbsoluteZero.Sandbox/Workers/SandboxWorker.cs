using System.ComponentModel;
using System.Diagnostics;
using System.Text;

namespace AbsoluteZero.Sandbox.Workers;

/// <summary>One warm worker process (bwrap and the Python inside it) and its three pipes.</summary>
internal sealed class SandboxWorker : IAsyncDisposable
{
    private static readonly TimeSpan HelloTimeout = TimeSpan.FromSeconds(30);
    private const int StderrTailChars = 4000;

    private readonly Process _process;
    private readonly StringBuilder _stderrTail = new();
    private readonly Task _stderrDrain;

    private SandboxWorker(Process process, WorkerHello hello)
    {
        _process = process;
        Hello = hello;
        _stderrDrain = DrainStderrAsync();
    }

    public WorkerHello Hello { get; }

    public Stream Input => _process.StandardInput.BaseStream;

    /// <summary>Starts the process and waits for its hello; throws <see cref="WorkerStartException"/> saying why it failed.</summary>
    public static async Task<SandboxWorker> StartAsync(ProcessSpawner spawner, ProcessStartInfo start, CancellationToken cancellationToken)
    {
        Process process;
        try
        {
            process = await spawner.StartAsync(start).ConfigureAwait(false);
        }
        catch (Win32Exception exception)
        {
            throw new WorkerStartException($"'{start.FileName}' could not be started ({exception.Message})", missingProgram: true);
        }

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(HelloTimeout);
        string? line;
        try
        {
            line = await process.StandardOutput.ReadLineAsync(timeout.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            line = null;
        }

        var hello = line is null ? null : TryReadHello(line);
        if (hello is { Ready: true })
            return new SandboxWorker(process, hello);

        KillQuietly(process);
        var stderr = await process.StandardError.ReadToEndAsync(CancellationToken.None).ConfigureAwait(false);
        await process.WaitForExitAsync(CancellationToken.None).ConfigureAwait(false);
        var why = hello?.Failure ?? (line is null ? $"it exited with code {process.ExitCode} before saying hello" : $"it said '{line}'");
        process.Dispose();
        throw new WorkerStartException($"the worker did not start: {why}. stderr: {stderr.Trim()}", missingProgram: false);
    }

    /// <summary>Blocking read of the next answer; null once the worker is gone.</summary>
    public string? ReadLine() => _process.StandardOutput.ReadLine();

    /// <summary>Why the process is gone, for the error of the request it was running.</summary>
    public string DescribeExit()
    {
        var code = _process.HasExited ? $"exit code {_process.ExitCode}" : "still running";
        string tail;
        lock (_stderrTail)
            tail = _stderrTail.ToString().Trim();
        return tail.Length == 0 ? code : $"{code}; stderr: {tail}";
    }

    public void Kill() => KillQuietly(_process);

    /// <summary>Waits until the process and its stderr are both finished, so <see cref="DescribeExit"/> is complete.</summary>
    public async Task WaitForExitAsync()
    {
        await _process.WaitForExitAsync(CancellationToken.None).ConfigureAwait(false);
        await _stderrDrain.ConfigureAwait(false);
    }

    /// <summary>Closing stdin asks the worker to exit; a worker that does not within the grace period is killed.</summary>
    public async ValueTask DisposeAsync()
    {
        try
        {
            _process.StandardInput.Close();
        }
        catch (IOException)
        {
            // Already gone.
        }

        using (var grace = new CancellationTokenSource(TimeSpan.FromSeconds(2)))
        {
            try
            {
                await _process.WaitForExitAsync(grace.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                KillQuietly(_process);
                await _process.WaitForExitAsync(CancellationToken.None).ConfigureAwait(false);
            }
        }

        await _stderrDrain.ConfigureAwait(false);
        _process.Dispose();
    }

    private static WorkerHello? TryReadHello(string line)
    {
        try
        {
            return WorkerProtocol.ReadHello(line);
        }
        catch (System.Text.Json.JsonException)
        {
            return null;
        }
    }

    private static void KillQuietly(Process process)
    {
        try
        {
            process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
            // Already exited.
        }
    }

    private async Task DrainStderrAsync()
    {
        var buffer = new char[1024];
        int read;
        while ((read = await _process.StandardError.ReadAsync(buffer, CancellationToken.None).ConfigureAwait(false)) > 0)
        {
            lock (_stderrTail)
            {
                _stderrTail.Append(buffer, 0, read);
                if (_stderrTail.Length > StderrTailChars)
                    _stderrTail.Remove(0, _stderrTail.Length - StderrTailChars);
            }
        }
    }
}

internal sealed class WorkerStartException(string message, bool missingProgram) : Exception(message)
{
    /// <summary>The executable (bwrap or python) itself was not found.</summary>
    public bool MissingProgram { get; } = missingProgram;
}
