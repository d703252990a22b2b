using System.Diagnostics;
using AbsoluteZero.Testing;

namespace AbsoluteZero.Core.Tests.Checking;

/// <summary>Runs the built <c>azr</c> binary (same configuration as this test assembly) with text on stdin.</summary>
internal static class AzrBinary
{
    public static string Path
    {
        get
        {
            var configuration = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd('/')).Parent!.Name;
            var path = System.IO.Path.Combine(RepositoryPaths.Root, "src", "AbsoluteZero.Cli", "bin", configuration, "net10.0", "azr");
            return File.Exists(path) ? path : throw new FileNotFoundException($"the azr binary was not built at {path}");
        }
    }

    public static async Task<(int ExitCode, string[] Stdout, string Stderr)> RunAsync(string stdin, params string[] args)
    {
        var start = new ProcessStartInfo(Path, args)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.StandardInput.WriteAsync(stdin);
        process.StandardInput.Close();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, (await stdout).Split('\n', StringSplitOptions.RemoveEmptyEntries), await stderr);
    }
}
