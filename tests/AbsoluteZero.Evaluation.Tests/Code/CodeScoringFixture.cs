using System.Collections.Concurrent;
using AbsoluteZero.Core.Configuration;
using AbsoluteZero.Evaluation.Benchmarks.CodeSets;
using AbsoluteZero.Evaluation.Scoring;
using AbsoluteZero.Sandbox;
using AbsoluteZero.Testing;

namespace AbsoluteZero.Evaluation.Tests.Code;

/// <summary>
/// One real sandbox pool (bwrap, /usr/bin/python3) for every scoring test, plus the EvalPlus ground truth computed once
/// per test run through it (in a temporary cache folder, deleted afterwards).
/// </summary>
public sealed class CodeScoringFixture : IAsyncLifetime
{
    private readonly ConcurrentDictionary<string, Lazy<Task<(EvalPlusBenchmark, GroundTruth)>>> _evalPlus = new();

    public SandboxPool Pool { get; private set; } = null!;

    public string CacheDirectory { get; } = Path.Combine(Path.GetTempPath(), $"azr-eval-tests-{Guid.NewGuid():N}");

    /// <summary>The defaults, with this run's cache folder.</summary>
    public CodeScoringOptions Options => new() { CacheDirectory = CacheDirectory };

    public async Task InitializeAsync() =>
        Pool = await SandboxExecutorFactory.StartAsync(new SandboxOptions { MemoryMb = 4096 }, _ => { });

    public async Task DisposeAsync()
    {
        await Pool.DisposeAsync();
        if (Directory.Exists(CacheDirectory))
            Directory.Delete(CacheDirectory, recursive: true);
    }

    /// <summary>HumanEval+ or MBPP+ from ../shared/benchmarks and its ground truth, computed on first use.</summary>
    public Task<(EvalPlusBenchmark Benchmark, GroundTruth Truth)> EvalPlusAsync(string name) =>
        _evalPlus.GetOrAdd(name, _ => new Lazy<Task<(EvalPlusBenchmark, GroundTruth)>>(async () =>
        {
            var benchmark = EvalPlusLoader.Load(RepositoryPaths.Benchmarks, name);
            var truth = await GroundTruthBuilder.GetAsync(benchmark, Pool, Options);
            return (benchmark, truth);
        })).Value;

    /// <summary>The same benchmark cut down to some tasks (their ground truth still fits).</summary>
    public async Task<(EvalPlusBenchmark Benchmark, GroundTruth Truth)> EvalPlusTasksAsync(string name, params string[] taskIds)
    {
        var (benchmark, truth) = await EvalPlusAsync(name);
        return (benchmark with { Tasks = benchmark.Tasks.Where(t => taskIds.Contains(t.TaskId)).ToList() }, truth);
    }

    public static EvalPlusTask Task(EvalPlusBenchmark benchmark, string taskId) => benchmark.Tasks.Single(t => t.TaskId == taskId);

    public static bool IsEvalPlus(string name) => name is BenchmarkNames.HumanEvalPlus or BenchmarkNames.MbppPlus;
}

[CollectionDefinition(Name)]
public sealed class CodeScoringCollection : ICollectionFixture<CodeScoringFixture>
{
    public const string Name = "code scoring";
}
