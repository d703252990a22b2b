using System.Diagnostics;
using System.Net.Sockets;
using System.Text;
using AbsoluteZero.Testing;

namespace AbsoluteZero.Browser.Tests;

/// <summary>
/// The real <c>azr serve</c> binary on a free loopback port against a test database, as a user starts it. Its output is
/// kept so a failing test can say what the server said.
/// </summary>
public sealed class ServeProcess : IAsyncDisposable
{
    private readonly Process process;
    private readonly StringBuilder output = new();

    private ServeProcess(Process process, Uri address)
    {
        this.process = process;
        Address = address;
    }

    public Uri Address { get; }

    public string Output
    {
        get
        {
            lock (output)
                return output.ToString();
        }
    }

    public static async Task<ServeProcess> StartAsync(IReadOnlyDictionary<string, string> environment)
    {
        var address = new Uri($"http://127.0.0.1:{FreePort()}");
        var start = new ProcessStartInfo(AzrBinary.Path)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = RepositoryPaths.Root,
        };
        foreach (var argument in new[] { "serve", "--urls", address.ToString().TrimEnd('/') })
            start.ArgumentList.Add(argument);
        foreach (var (key, value) in environment)
            start.Environment[key] = value;

        var serve = new ServeProcess(Process.Start(start)!, address);
        serve.process.OutputDataReceived += (_, e) => serve.Keep(e.Data);
        serve.process.ErrorDataReceived += (_, e) => serve.Keep(e.Data);
        serve.process.BeginOutputReadLine();
        serve.process.BeginErrorReadLine();
        await serve.WaitHealthyAsync();
        return serve;
    }

    private void Keep(string? line)
    {
        if (line is null)
            return;
        lock (output)
            output.AppendLine(line);
    }

    private async Task WaitHealthyAsync()
    {
        using var http = new HttpClient { BaseAddress = Address, Timeout = TimeSpan.FromSeconds(5) };
        var deadline = DateTime.UtcNow + TimeSpan.FromMinutes(2);
        while (DateTime.UtcNow < deadline)
        {
            if (process.HasExited)
                throw new InvalidOperationException($"azr serve exited with {process.ExitCode}:\n{Output}");
            try
            {
                if ((await http.GetAsync("/health")).IsSuccessStatusCode)
                    return;
            }
            catch (HttpRequestException)
            {
            }
            catch (TaskCanceledException)
            {
            }

            await Task.Delay(250);
        }

        throw new TimeoutException($"azr serve did not become healthy at {Address}:\n{Output}");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }

    public async ValueTask DisposeAsync()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }

        process.Dispose();
    }
}
