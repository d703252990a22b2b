using System.Diagnostics;

namespace AbsoluteZero.Testing;

/// <summary>The built <c>azr</c> command line, run as a real process the way users and scripts run it.</summary>
public static class AzrBinary
{
#if DEBUG
    private const string Configuration = "Debug";
#else
    private const string Configuration = "Release";
#endif

    /// <summary><c>src/AbsoluteZero.Cli/bin/{Configuration}/net10.0/azr</c>; <c>AZR_BINARY</c> overrides.</summary>
    public static string Path { get; } = Environment.GetEnvironmentVariable("AZR_BINARY") is { Length: > 0 } path
        ? path
        : System.IO.Path.Combine(RepositoryPaths.Root, "src", "AbsoluteZero.Cli", "bin", Configuration, "net10.0", "azr");

    public sealed record Result(int ExitCode, string Stdout, string Stderr);

    /// <summary><c>azr</c> with the arguments and extra environment, run from the repository root, every stream redirected.</summary>
    public static ProcessStartInfo StartInfo(IEnumerable<string> arguments, IReadOnlyDictionary<string, string>? environment = null)
    {
        if (!File.Exists(Path))
            throw new FileNotFoundException($"azr is not built at {Path}: build src/AbsoluteZero.Cli first", Path);

        var start = new ProcessStartInfo(Path)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = RepositoryPaths.Root,
        };
        foreach (var argument in arguments)
            start.ArgumentList.Add(argument);
        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
            start.Environment[key] = value;
        return start;
    }

    /// <summary>Runs <c>azr</c> with the arguments, optional stdin and extra environment; fails after <paramref name="timeout"/>.</summary>
    public static async Task<Result> RunAsync(
        IEnumerable<string> arguments, IReadOnlyDictionary<string, string>? environment = null, string? stdin = null, TimeSpan? timeout = null)
    {
        var start = StartInfo(arguments, environment);
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (stdin is not null)
            await process.StandardInput.WriteAsync(stdin);
        process.StandardInput.Close();

        using var limit = new CancellationTokenSource(timeout ?? TimeSpan.FromMinutes(1));
        try
        {
            await process.WaitForExitAsync(limit.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"azr {string.Join(' ', start.ArgumentList)} did not finish in time");
        }

        return new Result(process.ExitCode, await stdout, await stderr);
    }
}
