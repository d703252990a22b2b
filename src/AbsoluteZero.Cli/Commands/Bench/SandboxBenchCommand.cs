using System.CommandLine;
using System.Diagnostics;
using System.Text.Json;
using AbsoluteZero.Core.Execution;
using AbsoluteZero.Core.Json;
using AbsoluteZero.Sandbox;

namespace AbsoluteZero.Cli.Commands.Bench;

/// <summary>
/// <c>azr bench sandbox</c>: programs per second through the pool, against a fresh interpreter per program and against
/// plain exec in one process (no isolation: the limit), all measured in this run on this machine. Pool and spawn are
/// measured in alternating rounds so that load from other work on the machine hits both alike; CPU per program is
/// reported next to the wall-clock rates because it barely depends on that load.
/// </summary>
public static class SandboxBenchCommand
{
    private const int Rounds = 3;

    public static Command Create()
    {
        var json = new Option<bool>("--json") { Description = "Print one JSON object instead of text." };
        var count = new Option<int>("--count") { Description = "Programs through the pool (and in-process).", DefaultValueFactory = _ => 3000 };
        var spawnCount = new Option<int>("--spawn-count") { Description = "Programs for the spawn-per-program baseline.", DefaultValueFactory = _ => 300 };
        var workers = new Option<int>("--workers") { Description = "Pool workers (0: one per core).", DefaultValueFactory = _ => 0 };
        var isolation = new Option<SandboxIsolation>("--isolation") { Description = "bwrap or none.", DefaultValueFactory = _ => SandboxIsolation.Bwrap };
        var command = new Command("sandbox", "Programs/s through the sandbox pool vs. one interpreter per program vs. in-process exec.")
        {
            json, count, spawnCount, workers, isolation,
        };
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var options = new SandboxOptions { Workers = parseResult.GetValue(workers), Isolation = parseResult.GetValue(isolation) };
            var report = await MeasureAsync(options, parseResult.GetValue(count), parseResult.GetValue(spawnCount), cancellationToken);
            Console.WriteLine(parseResult.GetValue(json) ? JsonSerializer.Serialize(report, AzrJson.Indented) : report.ToText());
            return report.Mismatches == 0 && report.Failures == 0 ? 0 : 1;
        });
        return command;
    }

    private static async Task<SandboxBenchReport> MeasureAsync(SandboxOptions options, int count, int spawnCount, CancellationToken cancellationToken)
    {
        var pool = new Tally();
        var spawn = new Tally();
        var failures = 0;
        var mismatches = 0;
        var poolHostCpu = 0.0;
        double validateRate;
        var (inProcessRate, inProcessCpu, expected) = await SandboxBenchBaselines.InProcessAsync(options.PythonPath, SandboxBenchPrograms.Take(count));
        await using (var sandbox = await SandboxExecutorFactory.StartAsync(options, Console.Error.WriteLine, cancellationToken))
        {
            await sandbox.ExecuteAsync(SandboxBenchPrograms.Requests(200), cancellationToken);
            for (var round = 0; round < Rounds; round++)
            {
                var (workersCpu, hostCpu) = (SandboxBenchCpu.TaggedSeconds(sandbox.Tag), SandboxBenchCpu.SelfSeconds());
                var stopwatch = Stopwatch.StartNew();
                var results = await sandbox.ExecuteAsync(SandboxBenchPrograms.Requests(count / Rounds), cancellationToken);
                var seconds = stopwatch.Elapsed.TotalSeconds;
                hostCpu = SandboxBenchCpu.SelfSeconds() - hostCpu;
                pool.Add(results.Count, seconds, SandboxBenchCpu.TaggedSeconds(sandbox.Tag) - workersCpu + hostCpu);
                poolHostCpu += hostCpu;
                failures += results.Count(r => !r.IsOk);
                mismatches += results.Select((r, i) => r.Output != expected[i]).Count(differs => differs);

                var cpu = SandboxBenchCpu.ChildrenSeconds() + SandboxBenchCpu.SelfSeconds();
                (seconds, var spawnFailures) = await SandboxBenchBaselines.SpawnPerProgramAsync(options.PythonPath, SandboxBenchPrograms.Take(spawnCount / Rounds), Environment.ProcessorCount);
                spawn.Add(spawnCount / Rounds, seconds, SandboxBenchCpu.ChildrenSeconds() + SandboxBenchCpu.SelfSeconds() - cpu);
                failures += spawnFailures;
            }

            var validateWatch = Stopwatch.StartNew();
            var validated = await sandbox.ExecuteAsync(SandboxBenchPrograms.Requests(count / 2, ExecutionCheck.Validate), cancellationToken);
            validateRate = validated.Count / validateWatch.Elapsed.TotalSeconds;
            failures += validated.Count(r => !r.IsOk);
        }

        return new SandboxBenchReport
        {
            Cores = Environment.ProcessorCount,
            Workers = options.EffectiveWorkers,
            Isolation = options.Isolation,
            Programs = pool.Programs,
            SpawnPrograms = spawn.Programs,
            PoolProgramsPerS = Math.Round(pool.Rate, 1),
            PoolValidateRequestsPerS = Math.Round(validateRate, 1),
            SpawnProgramsPerS = Math.Round(spawn.Rate, 1),
            InProcessProgramsPerS = Math.Round(inProcessRate, 1),
            PoolOverSpawn = Math.Round(pool.Rate / spawn.Rate, 2),
            PoolOverInProcess = Math.Round(pool.Rate / inProcessRate, 4),
            PoolOverSpawnPerRound = pool.Rates.Zip(spawn.Rates, (p, s) => Math.Round(p / s, 2)).ToList(),
            PoolCpuMsPerProgram = Math.Round(pool.CpuMsPerProgram, 3),
            PoolHostCpuMsPerProgram = Math.Round(poolHostCpu * 1000 / pool.Programs, 3),
            SpawnCpuMsPerProgram = Math.Round(spawn.CpuMsPerProgram, 3),
            InProcessCpuMsPerProgram = Math.Round(inProcessCpu * 1000 / count, 4),
            PoolOverSpawnByCpu = Math.Round(spawn.CpuMsPerProgram / pool.CpuMsPerProgram, 2),
            Failures = failures,
            Mismatches = mismatches,
        };
    }

    private sealed class Tally
    {
        public int Programs { get; private set; }
        public double Seconds { get; private set; }
        public double CpuSeconds { get; private set; }
        public List<double> Rates { get; } = [];
        public double Rate => Programs / Seconds;
        public double CpuMsPerProgram => CpuSeconds * 1000 / Programs;

        public void Add(int programs, double seconds, double cpuSeconds)
        {
            Programs += programs;
            Seconds += seconds;
            CpuSeconds += cpuSeconds;
            Rates.Add(programs / seconds);
        }
    }
}
