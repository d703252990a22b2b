using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using AbsoluteZero.Core.Configuration;
using AbsoluteZero.Core.Json;
using AbsoluteZero.Data;
using AbsoluteZero.Data.Runs;
using AbsoluteZero.Training;
using AbsoluteZero.Training.Checkpoints;
using AbsoluteZero.Training.Events;
using AbsoluteZero.Web.Hosting;
using AbsoluteZero.Web.Training;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace AbsoluteZero.Cli.Commands.Train;

/// <summary>
/// <c>azr train --run ID [--out DIR] [--supervisor PID]</c>: trains one run of the platform, as a worker's
/// <c>TrainingLauncher</c> starts it. The config comes from the run's row; everything the session reports is written
/// to the database by the child itself (batched, off the training thread, see docs/training-platform.md), including
/// each step's NOTIFY that <c>azr serve</c> relays to the hub. The run's status stays the worker's business: the child
/// only trains, and says how it ended with the exit codes of <c>azr train</c>.
/// <para>
/// A run whose folder holds a checkpoint continues from it (that is what resume means) and first discards what it
/// recorded after that step; a fresh fork seeded from its parent's buffers writes them as seed files first.
/// </para>
/// </summary>
public static class TrainRunMode
{
    private const string Verb = "azr train --run";

    /// <summary>How long the last records may take to reach the database after training ends.</summary>
    private static readonly TimeSpan FlushTimeout = TimeSpan.FromMinutes(2);

    public static int Run(ParseResult parseResult, Option<string?> runOption, Option<string?> supervisorOption, Option<string?> outputOption, IReadOnlyList<Option> offlineOnly)
    {
        if (offlineOnly.FirstOrDefault(o => parseResult.GetResult(o) is { Implicit: false }) is { } clash)
            return TrainCommand.Fail($"{clash.Name} cannot be used with --run: the run's config is in the database");
        if (parseResult.UnmatchedTokens.Count > 0)
            return TrainCommand.Fail($"unknown argument '{parseResult.UnmatchedTokens[0]}'");
        if (!long.TryParse(parseResult.GetValue(runOption), NumberStyles.None, CultureInfo.InvariantCulture, out var runId))
            return TrainCommand.Fail("--run must be a run id (a positive whole number)");
        int? supervisor = null;
        if (parseResult.GetValue(supervisorOption) is { } pidText)
        {
            if (!int.TryParse(pidText, NumberStyles.None, CultureInfo.InvariantCulture, out var pid))
                return TrainCommand.Fail($"--supervisor must be a process id, got '{pidText}'");
            supervisor = pid;
        }

        try
        {
            return RunAsync(runId, parseResult.GetValue(outputOption), supervisor).GetAwaiter().GetResult();
        }
        catch (Exception e) when (e is InvalidOperationException or NpgsqlException)
        {
            // No connection string, database unreachable, or the records could not be written.
            Console.Error.WriteLine($"{Verb} {runId}: {e.Message}");
            return TrainerExitCodes.Failed;
        }
    }

    private static async Task<int> RunAsync(long runId, string? output, int? supervisor)
    {
        using var signals = new StopSignals();
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(signals.Token);
        using var watch = supervisor is { } pid
            ? new SupervisorWatch(pid, () =>
            {
                Console.Error.WriteLine($"{Verb} {runId}: the supervising worker (pid {pid}) is gone; stopping after a checkpoint");
                stop.Cancel();
            })
            : null;

        var configuration = new ConfigurationBuilder()
            .SetBasePath(PlatformPaths.ContentRoot())
            .AddJsonFile("appsettings.json", optional: true)
            .AddEnvironmentVariables()
            .Build();
        await using var services = new ServiceCollection()
            .AddAzrDatabase(configuration)
            .AddLogging(logging => logging.AddSimpleConsole(o => o.SingleLine = true).AddFilter("Microsoft", LogLevel.Warning))
            .AddSingleton<BufferSnapshots>()
            .AddSingleton<RunHistory>()
            .BuildServiceProvider();
        var dbs = services.GetRequiredService<IDbContextFactory<AzrDbContext>>();
        Run? run;
        await using (var db = await dbs.CreateDbContextAsync(stop.Token))
            run = await db.Runs.AsNoTracking().FirstOrDefaultAsync(r => r.Id == runId, stop.Token);
        if (run is null || run.Kind != RunKind.Train || run.Status != RunStatus.Running)
        {
            return TrainCommand.Fail(run is null ? $"run {runId} does not exist"
                : run.Kind != RunKind.Train ? $"run {runId} is an evaluation, not a training run"
                : $"run {runId} is {run.Status.ToString().ToLowerInvariant()}; a run is trained once its job has started it (running)");
        }

        var platform = configuration.GetSection(PlatformOptions.Section).Get<PlatformOptions>() ?? new PlatformOptions();
        var folder = Path.GetFullPath(output ?? RunDirectories.Of(platform, runId));
        if (RunFolder.Claim(folder, run) is { } notOurs)
            return TrainCommand.Fail(notOurs);

        var config = JsonSerializer.Deserialize<RunConfig>(run.Config, AzrJson.Options)
            ?? throw new InvalidOperationException($"run {runId} has an empty config");
        var latest = new CheckpointStore(folder).Latest();
        var discarded = await services.GetRequiredService<RunHistory>().DiscardAfterAsync(runId, latest?.Step, stop.Token);
        var log = services.GetRequiredService<ILoggerFactory>().CreateLogger("AbsoluteZero.Training");
        await using var database = NpgsqlDataSource.Create(ConnectionStrings.Postgres(configuration));
        await using var recorder = new RunRecorder(database, runId, log);
        if (latest is not null || discarded > 0)
        {
            Note(recorder, latest is null
                ? $"starting again from scratch (no checkpoint); discarded {discarded} records of the earlier attempt"
                : $"resuming from the checkpoint of step {latest.Step}; discarded {discarded} records made after it");
        }

        if (latest is null && run is { SeedBuffersStep: { } buffersStep, ParentRunId: { } parentId })
        {
            var files = await SeedFilesFromParentAsync(dbs, services.GetRequiredService<BufferSnapshots>(), parentId, buffersStep, folder, stop.Token);
            Note(recorder, $"seeds: run {parentId}'s buffers after step {buffersStep}, {files.TripletCount} triplets and {files.InductionCount} induction tasks");
            config = config with { SelfPlay = config.SelfPlay with { SeedFile = files.Triplets, InductionSeedFile = files.InductionTasks } };
        }

        var observer = new CompositeObserver(new ConsoleObserver(Console.Out, Console.Error, json: false), new RunRecordingObserver(recorder));
        var exitCode = await TrainCommand.TrainAsync(new TrainingRequest(config, folder, Resume: latest is not null, run.Preset), observer, signals, stop.Token);
        try
        {
            await recorder.CompleteAsync(FlushTimeout);
        }
        catch (InvalidOperationException e)
        {
            await Console.Error.WriteLineAsync($"{Verb} {runId}: {e.Message}");
            return exitCode == TrainerExitCodes.Completed ? TrainerExitCodes.Failed : exitCode;
        }

        return exitCode;
    }

    /// <summary>A fork seeded with its parent's buffers: they become its seed files (docs/training-platform.md).</summary>
    private static async Task<SeedFiles> SeedFilesFromParentAsync(
        IDbContextFactory<AzrDbContext> dbs, BufferSnapshots snapshots, long parentId, int step, string folder, CancellationToken ct)
    {
        string parentConfig;
        await using (var db = await dbs.CreateDbContextAsync(ct))
        {
            parentConfig = await db.Runs.Where(r => r.Id == parentId).Select(r => r.Config).FirstOrDefaultAsync(ct)
                ?? throw new InvalidOperationException($"run {parentId}, whose buffers seed this fork, no longer exists");
        }

        var settings = JsonSerializer.Deserialize<RunConfig>(parentConfig, AzrJson.Options)!.SelfPlay;
        return await snapshots.WriteSeedFilesAsync(parentId, settings, step, Path.Combine(folder, "seeds"), ct);
    }

    /// <summary>A line for the run log and for the worker's log (stderr).</summary>
    private static void Note(RunRecorder recorder, string message)
    {
        Console.Error.WriteLine(message);
        recorder.Add(new LogRecord(DateTimeOffset.UtcNow, RunLogLevels.Info, message));
    }
}
