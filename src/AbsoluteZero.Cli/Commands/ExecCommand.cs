using System.CommandLine;
using AbsoluteZero.Sandbox;

namespace AbsoluteZero.Cli.Commands;

/// <summary>
/// <c>azr exec</c>: JSON-lines requests on stdin, one JSON-line verdict per request on stdout, run in parallel through
/// the sandbox pool (<see cref="ExecLines"/>). Warnings go to stderr so stdout stays pure JSON lines.
/// </summary>
public static class ExecCommand
{
    /// <summary>The configuration key (environment variable <c>Sandbox__Isolation</c>) that may switch isolation off.</summary>
    private const string IsolationVariable = "Sandbox__Isolation";

    public static Command Create()
    {
        var defaults = new SandboxOptions();
        var workers = new Option<int>("--workers") { Description = "Warm Python workers (0: one per core).", DefaultValueFactory = _ => defaults.Workers };
        var timeout = new Option<int>("--timeout-ms") { Description = "Wall-clock limit per execution unless a request sets timeout_ms.", DefaultValueFactory = _ => defaults.TimeoutMs };
        var memory = new Option<int>("--memory-mb") { Description = "Address-space limit per program, MiB.", DefaultValueFactory = _ => defaults.MemoryMb };
        var outputLimit = new Option<int>("--output-limit-bytes") { Description = "Transport limit on a result's repr (output_too_large beyond).", DefaultValueFactory = _ => defaults.OutputLimitBytes };
        var isolation = new Option<string?>("--isolation") { Description = "bwrap (default) or none (UNSAFE: no namespaces). Also read from Sandbox__Isolation." };
        var python = new Option<string>("--python") { Description = "The Python interpreter run inside the sandbox.", DefaultValueFactory = _ => defaults.PythonPath };

        var command = new Command("exec", "Run Python programs with AZR semantics in the sandbox: JSON lines {id, program, input, check, policy?, timeout_ms?} on stdin, {id, status, output, error, ms} on stdout.")
        {
            workers, timeout, memory, outputLimit, isolation, python,
        };
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var mode = parseResult.GetValue(isolation) ?? Environment.GetEnvironmentVariable(IsolationVariable) ?? "bwrap";
            if (!Enum.TryParse<SandboxIsolation>(mode, ignoreCase: true, out var parsedIsolation) || !Enum.IsDefined(parsedIsolation))
            {
                await Console.Error.WriteLineAsync($"azr exec: --isolation must be bwrap or none, got '{mode}'");
                return 2;
            }

            var options = new SandboxOptions
            {
                Workers = parseResult.GetValue(workers),
                TimeoutMs = parseResult.GetValue(timeout),
                MemoryMb = parseResult.GetValue(memory),
                OutputLimitBytes = parseResult.GetValue(outputLimit),
                Isolation = parsedIsolation,
                PythonPath = parseResult.GetValue(python)!,
            };
            SandboxPool pool;
            try
            {
                pool = await SandboxExecutorFactory.StartAsync(options, Console.Error.WriteLine, cancellationToken);
            }
            catch (Exception exception) when (exception is SandboxUnavailableException or ArgumentException)
            {
                await Console.Error.WriteLineAsync($"azr exec: {exception.Message}");
                return 2;
            }

            await using (pool)
            {
                var stdout = new StreamWriter(Console.OpenStandardOutput(), new System.Text.UTF8Encoding(false)) { AutoFlush = false };
                await using (stdout)
                {
                    using var stdin = new StreamReader(Console.OpenStandardInput(), System.Text.Encoding.UTF8);
                    await ExecLines.RunAsync(pool, stdin, stdout, cancellationToken);
                }
            }

            return 0;
        });
        return command;
    }
}
