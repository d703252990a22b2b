using System.Diagnostics;
using System.Text.Json;

namespace AbsoluteZero.Cli.Commands.Bench;

/// <summary>The two baselines of <c>azr bench sandbox</c>: a fresh interpreter per program, and plain exec in one process.</summary>
internal static class SandboxBenchBaselines
{
    /// <summary>Runs each program in its own <c>python3 -I -S</c>, as many at once as there are cores; wall seconds and failures.</summary>
    public static async Task<(double Seconds, int Failures)> SpawnPerProgramAsync(string python, IReadOnlyList<(string Program, string Input)> programs, int parallel)
    {
        using var slots = new SemaphoreSlim(parallel);
        var failures = 0;
        var stopwatch = Stopwatch.StartNew();
        await Task.WhenAll(programs.Select(async p =>
        {
            await slots.WaitAsync();
            try
            {
                var start = new ProcessStartInfo(python, ["-I", "-S", "-c", $"{p.Program}\nprint(repr(f({p.Input}\n)))"])
                {
                    RedirectStandardOutput = true,
                    UseShellExecute = false,
                };
                using var process = Process.Start(start)!;
                await process.StandardOutput.ReadToEndAsync();
                await process.WaitForExitAsync();
                if (process.ExitCode != 0)
                    Interlocked.Increment(ref failures);
            }
            finally
            {
                slots.Release();
            }
        }));
        return (stopwatch.Elapsed.TotalSeconds, failures);
    }

    /// <summary>
    /// exec's every program in one plain interpreter, no isolation, fresh globals each (the limit a sandbox can approach);
    /// programs per second as Python timed the loop itself, and the reprs for checking the pool's answers.
    /// </summary>
    public static async Task<(double Rate, double CpuSeconds, IReadOnlyList<string> Outputs)> InProcessAsync(string python, IReadOnlyList<(string Program, string Input)> programs)
    {
        const string loop = """
            import json, sys, time
            programs = json.load(sys.stdin)
            outputs = []
            started, cpu = time.perf_counter(), time.process_time()
            for program, argument in programs:
                scope = {}
                exec(program, scope)
                outputs.append(repr(eval('f(' + argument + '\n)', scope)))
            elapsed, cpu = time.perf_counter() - started, time.process_time() - cpu
            json.dump({'rate': len(programs) / elapsed, 'cpu': cpu, 'outputs': outputs}, sys.stdout)
            """;
        var start = new ProcessStartInfo(python, ["-I", "-S", "-c", loop])
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        using var process = Process.Start(start)!;
        await process.StandardInput.WriteAsync(JsonSerializer.Serialize(programs.Select(p => new[] { p.Program, p.Input })));
        process.StandardInput.Close();
        var text = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        using var result = JsonDocument.Parse(text);
        var outputs = result.RootElement.GetProperty("outputs").EnumerateArray().Select(o => o.GetString()!).ToList();
        return (result.RootElement.GetProperty("rate").GetDouble(), result.RootElement.GetProperty("cpu").GetDouble(), outputs);
    }
}
