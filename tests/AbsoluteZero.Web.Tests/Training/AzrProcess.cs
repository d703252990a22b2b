using System.Diagnostics;
using System.Text.RegularExpressions;
using AbsoluteZero.Testing;
using AbsoluteZero.Web.Training;

namespace AbsoluteZero.Web.Tests.Training;

/// <summary>
/// A long-running <c>azr</c> process (serve, worker) started the way an operator starts it, with its output kept for
/// diagnostics and stopped with SIGTERM, as systemd or a container runtime stops it.
/// </summary>
public sealed partial class AzrProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly OutputTail _output = new(maxLines: 200, maxChars: 40_000);
    private readonly TaskCompletionSource<Uri> _listening = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private AzrProcess(Process process) => _process = process;

    public int Pid => _process.Id;

    public bool HasExited => _process.HasExited;

    /// <summary>What it printed last (stdout and stderr interleaved).</summary>
    public string Output => _output.ToString();

    public static AzrProcess Start(IEnumerable<string> arguments, IReadOnlyDictionary<string, string> environment)
    {
        var start = new ProcessStartInfo(AzrBinary.Path)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = RepositoryPaths.Root,
        };
        foreach (var argument in arguments)
            start.ArgumentList.Add(argument);
        foreach (var (key, value) in environment)
            start.Environment[key] = value;

        var process = new Process { StartInfo = start };
        var azr = new AzrProcess(process);
        DataReceivedEventHandler keep = (_, e) =>
        {
            if (e.Data is null)
                return;
            azr._output.Add(e.Data);
            if (ListeningLine().Match(e.Data) is { Success: true } match)
                azr._listening.TrySetResult(new Uri(match.Groups[1].Value));
        };
        process.OutputDataReceived += keep;
        process.ErrorDataReceived += keep;
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return azr;
    }

    /// <summary>The address Kestrel reports ("Now listening on: …"), for a serve started on port 0.</summary>
    public async Task<Uri> ListeningAsync(TimeSpan timeout)
    {
        var exited = _process.WaitForExitAsync();
        var first = await Task.WhenAny(_listening.Task, exited, Task.Delay(timeout));
        if (first == _listening.Task)
            return await _listening.Task;
        throw new InvalidOperationException($"azr did not start listening ({(first == exited ? "it exited" : "timed out")}):\n{Output}");
    }

    /// <summary>SIGTERM and a wait for a clean exit; the process tree is killed if it does not come.</summary>
    public async Task StopAsync(TimeSpan grace)
    {
        if (_process.HasExited)
            return;
        PosixSignals.Terminate(_process.Id);
        using var wait = new CancellationTokenSource(grace);
        try
        {
            await _process.WaitForExitAsync(wait.Token);
        }
        catch (OperationCanceledException)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync(TimeSpan.FromSeconds(30));
        _process.Dispose();
    }

    [GeneratedRegex(@"Now listening on: (http://\S+)")]
    private static partial Regex ListeningLine();
}
