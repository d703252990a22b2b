using System.Diagnostics;

namespace AbsoluteZero.Web.Training;

/// <summary>
/// One <c>azr train --run ID</c> child: started with its output drained line by line (a full pipe would stall the
/// trainer), stopped gracefully on request (SIGTERM, then the whole process tree killed after a grace period).
/// </summary>
public sealed class TrainerProcess : IDisposable
{
    private readonly Process _process;
    private readonly OutputTail _stderr = new();

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
        process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is not null)
                onLine(e.Data);
        };
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is null)
                return;
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

    /// <summary>Waits for the child to exit (and its output to be read) and returns its exit code.</summary>
    public async Task<int> WaitForExitAsync(CancellationToken ct)
    {
        await _process.WaitForExitAsync(ct);
        return _process.ExitCode;
    }

    /// <summary>
    /// SIGTERM, then up to <paramref name="grace"/> for the child to checkpoint and exit, then SIGKILL to it and every
    /// descendant (sandbox workers included). Returns once the child is gone.
    /// </summary>
    public async Task StopAsync(TimeSpan grace)
    {
        if (_process.HasExited)
            return;
        PosixSignals.Terminate(_process.Id);
        using var deadline = new CancellationTokenSource(grace);
        try
        {
            await _process.WaitForExitAsync(deadline.Token);
            return;
        }
        catch (OperationCanceledException)
        {
        }

        KillTree();
        await _process.WaitForExitAsync(CancellationToken.None);
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
            > 128 and < 192 => $"azr train was killed by signal {exitCode - 128}{SignalName(exitCode - 128)}",
            _ => $"azr train exited with code {exitCode}",
        };
        return string.IsNullOrWhiteSpace(stderrTail) ? how + " and wrote nothing to stderr" : DatabaseText.Clean($"{how}: {stderrTail}");
    }

    private static string SignalName(int signal) => signal switch
    {
        6 => " (SIGABRT)",
        9 => " (SIGKILL; out of memory, or killed by hand)",
        11 => " (SIGSEGV)",
        _ => "",
    };
}
