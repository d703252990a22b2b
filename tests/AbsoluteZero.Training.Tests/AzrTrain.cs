using System.Collections.Concurrent;
using System.Diagnostics;
using AbsoluteZero.Testing;

namespace AbsoluteZero.Training.Tests;

/// <summary>
/// One <c>azr train</c> process of the built binary (<see cref="AzrBinary"/>), its stdout lines as they arrive, its
/// stderr, and a way to send it SIGTERM.
/// </summary>
public sealed class AzrTrain : IDisposable
{
    private readonly Process _process;
    private readonly BlockingCollection<string> _lines = new();
    private readonly Task<string> _stderr;
    private readonly Task _stdout;

    private AzrTrain(IEnumerable<string> args)
    {
        var start = new ProcessStartInfo(AzrBinary.Path) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in args)
            start.ArgumentList.Add(arg);
        _process = Process.Start(start)!;
        _stderr = _process.StandardError.ReadToEndAsync();
        _stdout = Task.Run(async () =>
        {
            while (await _process.StandardOutput.ReadLineAsync() is { } line)
                _lines.Add(line);
            _lines.CompleteAdding();
        });
    }

    public static AzrTrain Start(params string[] args) => new(["train", .. args]);

    /// <summary>Runs to the end: exit code, stdout lines, stderr.</summary>
    public static async Task<(int ExitCode, List<string> Stdout, string Stderr)> RunAsync(params string[] args)
    {
        using var run = Start(args);
        var lines = new List<string>();
        while (run.NextLine(TimeSpan.FromMinutes(5)) is { } line)
            lines.Add(line);
        var (code, stderr) = await run.ExitAsync();
        return (code, lines, stderr);
    }

    /// <summary>The next stdout line, or null at the end of the stream.</summary>
    public string? NextLine(TimeSpan timeout)
    {
        if (_lines.TryTake(out var line, timeout))
            return line;
        return _lines.IsCompleted ? null : throw new TimeoutException($"no line from azr train within {timeout}");
    }

    public void Terminate() => Process.Start("kill", ["-TERM", _process.Id.ToString()])!.WaitForExit();

    public async Task<(int ExitCode, string Stderr)> ExitAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        await _process.WaitForExitAsync(timeout.Token);
        await _stdout;
        return (_process.ExitCode, await _stderr);
    }

    public void Dispose()
    {
        if (!_process.HasExited)
            _process.Kill(entireProcessTree: true);
        _process.Dispose();
    }
}
