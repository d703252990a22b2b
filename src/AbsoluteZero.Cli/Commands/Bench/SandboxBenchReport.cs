using AbsoluteZero.Sandbox;

namespace AbsoluteZero.Cli.Commands.Bench;

/// <summary>What <c>azr bench sandbox --json</c> prints.</summary>
internal sealed record SandboxBenchReport
{
    public int Cores { get; init; }
    public int Workers { get; init; }
    public SandboxIsolation Isolation { get; init; }
    public int Programs { get; init; }
    public int SpawnPrograms { get; init; }
    public double PoolProgramsPerS { get; init; }

    /// <summary>Validate requests: checks plus two forked executions each.</summary>
    public double PoolValidateRequestsPerS { get; init; }
    public double SpawnProgramsPerS { get; init; }

    /// <summary>One interpreter, no isolation, no fork: the ceiling.</summary>
    public double InProcessProgramsPerS { get; init; }
    public double PoolOverSpawn { get; init; }
    public double PoolOverInProcess { get; init; }
    public IReadOnlyList<double> PoolOverSpawnPerRound { get; init; } = [];

    /// <summary>CPU of the pool's processes and of this one, per program.</summary>
    public double PoolCpuMsPerProgram { get; init; }

    /// <summary>The part of <see cref="PoolCpuMsPerProgram"/> spent in this .NET process (queue, pipes, JSON).</summary>
    public double PoolHostCpuMsPerProgram { get; init; }

    /// <summary>CPU of the spawned interpreters and of this one, per program.</summary>
    public double SpawnCpuMsPerProgram { get; init; }
    public double InProcessCpuMsPerProgram { get; init; }
    public double PoolOverSpawnByCpu { get; init; }

    /// <summary>Requests that did not end ok and interpreters that failed; should be 0.</summary>
    public int Failures { get; init; }

    /// <summary>Pool reprs that differ from in-process exec; should be 0.</summary>
    public int Mismatches { get; init; }

    public string ToText() =>
        $"""
        sandbox pool ({Workers} workers, {Isolation}, {Cores} cores): {PoolProgramsPerS} programs/s, {PoolCpuMsPerProgram} CPU ms each, {PoolHostCpuMsPerProgram} of them in .NET (validate: {PoolValidateRequestsPerS} requests/s)
        spawn per program (python3 -I -S, {Cores} at once): {SpawnProgramsPerS} programs/s, {SpawnCpuMsPerProgram} CPU ms each
        in-process exec (one interpreter, no isolation): {InProcessProgramsPerS} programs/s, {InProcessCpuMsPerProgram} CPU ms each
        pool/spawn = {PoolOverSpawn}x (rounds: {string.Join(", ", PoolOverSpawnPerRound)}; by CPU: {PoolOverSpawnByCpu}x), pool/in-process = {PoolOverInProcess}
        failures: {Failures}, mismatches against in-process: {Mismatches}
        """;
}
