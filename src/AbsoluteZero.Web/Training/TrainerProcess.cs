using System.Diagnostics;

namespace AbsoluteZero.Web.Training;

/// <summary>
/// One <c>azr train --run ID</c> child: started with its output drained line by line (a full pipe would stall the
/// trainer), stopped gracefully on request (SIGTERM, then the whole process tree killed after a grace period).
/// </summary>
public sealed class TrainerProcess : IDisposable
{
    /// <summary>How long the last output may take to arrive once the child has exited.</summary>
    private static readonly TimeSpan OutputDrain = TimeSpan.FromSeconds(5);

    private readonly Process _process;
    private readonly OutputTail _stderr = new();
    private readonly TaskCompletionSource _exited = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _stdoutClosed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _stderrClosed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private TrainerProcess(Process process) => _process = process;

    public int Id => _process.Id;

    /// <summary>The last lines the child wrote to stderr: the error text of a crash.</summary>
    public string StderrTail => _stderr.ToString();

    /// <summary>Starts the child; <paramref name="onLine"/> sees every line of stdout and stderr.</summary>
    public static TrainerProcess Start(ProcessStartInfo start, Action<string> onLine)
    {
        start.UseShellExecute = false;
        start.RedirectStandardInput = true;
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        var process = new Process { StartInfo = start, EnableRaisingEvents = true };
        var trainer = new TrainerProcess(process);
        process.Exited += (_, _) => trainer._exited.TrySetResult();
        process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is null)
                trainer._stdoutClosed.TrySetResult();
            else
                onLine(e.Data);
        };
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is null)
            {
                trainer._stderrClosed.TrySetResult();
                return;
            }

            trainer._stderr.Add(e.Data);
            onLine(e.Data);
        };
        process.Start();
        // The child reads nothing; a closed stdin keeps it from ever waiting on a terminal.
        process.StandardInput.Close();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return trainer;
    }

    /// <summary>
    /// Waits for the child to exit and returns its exit code. Its last output is awaited only briefly: a process it left
    /// behind may hold its stdout open (Process.WaitForExitAsync would wait for that one too).
    /// </summary>
    public async Task<int> WaitForExitAsync(CancellationToken ct)
    {
        await _exited.Task.WaitAsync(ct);
        await Task.WhenAny(Task.WhenAll(_stdoutClosed.Task, _stderrClosed.Task), Task.Delay(OutputDrain, CancellationToken.None));
        return _process.ExitCode;
    }

    /// <summary>
    /// SIGTERM, then up to <paramref name="grace"/> for the child to checkpoint and exit, then SIGKILL to it and every
    /// descendant (sandbox workers included). Returns once the child is gone, and with it whatever it had started when
    /// it was asked to stop: a child that exits but leaves a process behind (orphaned, so no longer in its tree) has
    /// that process killed too.
    /// </summary>
    public async Task StopAsync(TimeSpan grace)
    {
        if (_process.HasExited)
            return;
        var started = ProcessTree.DescendantsOf(_process.Id);
        PosixSignals.Terminate(_process.Id);
        try
        {
            await _exited.Task.WaitAsync(grace);
        }
        catch (TimeoutException)
        {
            KillTree();
            await _exited.Task;
        }

        foreach (var left in started)
            ProcessTree.KillIfAlive(left);
    }

    /// <summary>SIGKILL to the child and its descendants, at once.</summary>
    public void KillTree()
    {
        try
        {
            _process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
            // It exited in the meantime.
        }
    }

    public void Dispose()
    {
        if (!_process.HasExited)
            KillTree();
        _process.Dispose();
    }

    /// <summary>The error text of a child that exited badly: how it ended and what it last said.</summary>
    public static string DescribeFailure(int exitCode, string stderrTail)
    {
        var how = exitCode switch
        {
            TrainerExitCodes.Interrupted or TrainerExitCodes.Terminated =>
                "azr train was stopped by a signal this worker did not send, after checkpointing; resume the run to continue",
            // 128 + n is how a death by signal n is reported, but a process may also exit with such a code itself:
            // only the signals a trainer really dies of are named.
            134 => "azr train was killed by signal 6 (SIGABRT)",
            137 => "azr train was killed by signal 9 (SIGKILL; out of memory, or killed by hand)",
            139 => "azr train was killed by signal 11 (SIGSEGV)",
            _ => $"azr train exited with code {exitCode}",
        };
        return string.IsNullOrWhiteSpace(stderrTail) ? how + " and wrote nothing to stderr" : DatabaseText.Clean($"{how}: {stderrTail}");
    }
}
