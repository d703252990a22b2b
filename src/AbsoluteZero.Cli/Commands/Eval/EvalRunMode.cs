using System.Text.Json;
using AbsoluteZero.Core.Configuration;
using AbsoluteZero.Core.Json;
using AbsoluteZero.Cli.Commands.Train;
using AbsoluteZero.Data;
using AbsoluteZero.Evaluation.Benchmarks;
using AbsoluteZero.Evaluation.Benchmarks.MathSets;
using AbsoluteZero.Evaluation.Generation;
using AbsoluteZero.Evaluation.Scoring;
using AbsoluteZero.Model;
using AbsoluteZero.Model.Checkpoints;
using AbsoluteZero.Sandbox;
using AbsoluteZero.Web.Evaluation;
using AbsoluteZero.Web.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace AbsoluteZero.Cli.Commands.Eval;

/// <summary>
/// <c>azr eval --run ID</c>, the child a worker starts for an evaluation run: reads the run's <see cref="EvalConfig"/>,
/// resolves its model (registry, preset, folder or a training run's checkpoint), chooses the prompt style, loads the
/// policy and the benchmarks, and runs the <see cref="EvalSession"/>, which writes samples, progress and scores to the
/// database. Exit codes: 0 done; 1 the evaluation failed; 2 it could not start (run, model, data, sandbox); 143 stopped
/// by SIGTERM or because its supervisor went away (finished benchmarks keep their scores).
/// </summary>
internal static class EvalRunMode
{
    public const int Completed = 0;
    public const int Failed = 1;
    public const int NotStarted = 2;
    public const int Stopped = 143;

    public static async Task<int> RunAsync(long runId, int? supervisor, string? dataDirectory, CodeScoringOptions scoring, SandboxOptions sandbox,
        CancellationToken stop)
    {
        using var cancel = CancellationTokenSource.CreateLinkedTokenSource(stop);
        var supervisorGone = false;
        using var watch = supervisor is { } pid
            ? new SupervisorWatch(pid, () =>
            {
                supervisorGone = true;
                cancel.Cancel();
            })
            : null;
        var ct = cancel.Token;
        void Log(string message) => Console.Error.WriteLine($"azr eval: run {runId}: {message}");

        Prepared? setup;
        try
        {
            setup = await PrepareAsync(runId, dataDirectory, Log, ct);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            return Stopped;
        }
        catch (Exception e) when (e is InvalidOperationException or BenchmarkDataException or ArgumentException or IOException or JsonException)
        {
            Log($"cannot start: {e.Message}");
            return NotStarted;
        }

        if (setup is null)
            return NotStarted;
        SandboxPool? pool = null;
        try
        {
            using var policy = TorchPolicyFactory.Create(setup.Model, new OptimizationSettings(), Seed);
            if (setup.Benchmarks.Any(b => b.Code is not null))
                pool = await SandboxExecutorFactory.StartAsync(sandbox, Log, ct);
            await new EvalSession(policy, pool, scoring, setup.Store, Log).RunAsync(setup.Benchmarks, setup.Decoding, ct);
            Log("done");
            return Completed;
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            Log(supervisorGone ? "stopped: its supervising worker is gone" : "stopped on request; finished benchmarks keep their scores");
            return Stopped;
        }
        catch (Exception e)
        {
            // The full exception first; the launcher records the last lines, so the one-line reason goes last.
            Console.Error.WriteLine(e);
            Log($"failed: {e.GetType().Name}: {e.Message}");
            return e is SandboxUnavailableException or FileNotFoundException or DirectoryNotFoundException or InvalidDataException ? NotStarted : Failed;
        }
        finally
        {
            if (pool is not null)
                await pool.DisposeAsync();
        }
    }

    /// <summary>A preset model's weights come from this seed: <c>tiny</c> evaluated is the <c>tiny</c> a default training run starts from.</summary>
    private static long Seed => new RunConfig().Schedule.Seed;

    private sealed record Prepared(EvalRunStore Store, ModelSettings Model, IReadOnlyList<EvalBenchmark> Benchmarks, EvalDecoding Decoding);

    private static async Task<Prepared?> PrepareAsync(long runId, string? dataDirectory, Action<string> log, CancellationToken ct)
    {
        var services = new ServiceCollection().AddAzrDatabase(Configuration()).BuildServiceProvider();
        var dbs = services.GetRequiredService<IDbContextFactory<AzrDbContext>>();
        var store = new EvalRunStore(dbs, TimeProvider.System, runId);
        var run = await store.LoadAsync(ct);
        var config = JsonSerializer.Deserialize<EvalConfig>(run.Config, AzrJson.Options)
                     ?? throw new InvalidOperationException($"run {runId} has no evaluation config");
        var (source, errors) = await new EvalModelResolver(dbs).ResolveAsync(config.Model, ct);
        if (source is null)
            throw new InvalidOperationException(string.Join("; ", errors.Select(e => $"{e.Field}: {e.Message}")));
        if (BenchmarksCommand.ResolveDataDirectory(dataDirectory, "eval") is not { } directory)
            return null;

        var isAzr = source.IsAzrCheckpoint ?? (source.Path is { } folder && PolicyState.ExistsIn(folder));
        var style = config.PromptStyle != PromptStyle.Auto ? config.PromptStyle : isAzr ? PromptStyle.Azr : PromptStyle.Base;
        log($"model {source.Label} ({source.Kind}{(source.Path is null ? "" : ", " + source.Path)}), {style.ToString().ToLowerInvariant()} prompts" +
            (config.PromptStyle == PromptStyle.Auto ? $" (auto: {(isAzr ? "an AZR checkpoint" : "not an AZR checkpoint")})" : ""));
        var benchmarks = config.Benchmarks.Select(b => EvalBenchmark.Load(b, directory, style, config.Limit)).ToList();
        var model = new ModelSettings { Name = source.Preset ?? source.Label, Path = source.Path };
        return new Prepared(store, model, benchmarks, config.Decoding);
    }

    /// <summary>The same settings a host reads: appsettings.json in the content root, then the environment.</summary>
    private static IConfiguration Configuration() => new ConfigurationBuilder()
        .SetBasePath(PlatformPaths.ContentRoot())
        .AddJsonFile("appsettings.json", optional: true)
        .AddEnvironmentVariables()
        .Build();
}
