using System.CommandLine;
using AbsoluteZero.Sandbox;
using AbsoluteZero.Training;
using AbsoluteZero.Training.Checkpoints;
using AbsoluteZero.Training.Events;
using AbsoluteZero.Training.Policies;

namespace AbsoluteZero.Cli.Commands;

/// <summary>
/// <c>azr train --preset tiny|… [--model PATH] [--config FILE] --steps N --out DIR [--resume] [--json]</c>: AZR
/// self-play training offline, no database (docs/training.md). With <c>--json</c> stdout carries exactly one line per
/// step, <c>{"step": n, "metrics": {…}}</c>; everything else goes to stderr. Exit codes: 0 done, 1 training failed,
/// 2 bad flags, config, output folder, checkpoint or model, 130/143 stopped by SIGINT/SIGTERM after checkpointing.
/// <c>azr train --run ID [--out DIR] [--supervisor PID]</c> trains a run of the platform instead (<see cref="Train.TrainRunMode"/>).
/// </summary>
public static class TrainCommand
{
    private const string Verb = "azr train";

    public static Command Create()
    {
        var flags = new RunConfigFlags();
        var output = new Option<string?>("--out") { Description = "Output folder: checkpoints under DIR/checkpoints, DIR/latest links the newest.", Arity = ArgumentArity.ZeroOrOne };
        var resume = new Option<bool>("--resume") { Description = "Continue the run in --out from its newest checkpoint (its config, with --config and --steps applied over it)." };
        var json = new Option<bool>("--json") { Description = "One {\"step\", \"metrics\"} JSON line per step on stdout; everything else on stderr." };
        var run = new Option<string?>("--run") { Description = "Train the platform's run ID: config from the database, records written there (what a worker starts).", Arity = ArgumentArity.ZeroOrOne };
        var supervisor = new Option<string?>("--supervisor") { Description = "With --run: the process id of the worker supervising it; the run stops (checkpointing) if it goes away.", Arity = ArgumentArity.ZeroOrOne };
        var command = new Command("train", "Train with AZR self-play, offline (checkpoints and step metrics, no database) or a platform run (--run ID).");
        foreach (var option in flags.All.Append(output).Append(resume).Append(json).Append(run).Append(supervisor))
            command.Options.Add(option);
        // Flag mistakes must exit with 2 like every other bad input, so unknown tokens are reported here, not by the parser.
        command.TreatUnmatchedTokensAsErrors = false;
        // A synchronous action: the parser's own SIGINT/SIGTERM handling (async actions only) would end the process
        // after its timeout even while a checkpoint is being written; StopSignals lets the session finish it.
        command.SetAction(parseResult =>
        {
            if (parseResult.GetValue(run) is not null || parseResult.GetValue(supervisor) is not null)
                return Train.TrainRunMode.Run(parseResult, run, supervisor, output, [.. flags.All, resume, json]);
            var request = Request(parseResult, flags, parseResult.GetValue(output), parseResult.GetValue(resume), out var problem);
            return request is null ? Fail(problem!) : RunAsync(request, parseResult.GetValue(json)).GetAwaiter().GetResult();
        });
        return command;
    }

    private static async Task<int> RunAsync(TrainingRequest request, bool json)
    {
        using var signals = new StopSignals();
        return await TrainAsync(request, new ConsoleObserver(Console.Out, Console.Error, json), signals, signals.Token);
    }

    /// <summary>
    /// Starts the sandbox and trains <paramref name="request"/> until done, failed or <paramref name="stop"/>; the exit
    /// code says which (the class comment). Shared by offline training and the <c>--run</c> mode.
    /// </summary>
    internal static async Task<int> TrainAsync(TrainingRequest request, ITrainingObserver observer, StopSignals signals, CancellationToken stop)
    {
        if (Isolation(out var problem) is not { } isolation)
            return Fail(problem!);
        SandboxPool pool;
        try
        {
            var options = SandboxOptions.FromSettings(request.Config.Sandbox) with { Isolation = isolation };
            pool = await SandboxExecutorFactory.StartAsync(options, message => observer.OnEvent(new TrainingLog(TrainingLogLevel.Warning, message)), stop);
        }
        catch (Exception e) when (e is SandboxUnavailableException or ArgumentException)
        {
            return Fail($"the sandbox cannot start: {e.Message}");
        }

        await using (pool)
        {
            try
            {
                var finished = await new TrainingSession(new TorchPolicyProvider(), pool, observer).RunAsync(request, stop);
                return finished.Status == TrainingStatus.Completed ? 0 : signals.ExitCode;
            }
            catch (TrainingSetupException e)
            {
                return Fail(e.Message);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                await Console.Error.WriteLineAsync($"{Verb}: training failed: {e}");
                return 1;
            }
        }
    }

    private static TrainingRequest? Request(ParseResult parseResult, RunConfigFlags flags, string? output, bool resume, out string? problem)
    {
        problem = null;
        if (parseResult.UnmatchedTokens.Count > 0)
            problem = $"unknown argument '{parseResult.UnmatchedTokens[0]}'";
        else if (string.IsNullOrWhiteSpace(output))
            problem = "--out DIR is required";
        if (problem is not null)
            return null;
        if (!resume)
            return flags.Fresh(parseResult, out problem) is { } fresh ? new TrainingRequest(fresh.Config, output!, false, fresh.Preset) : null;

        var latest = new CheckpointStore(output!).Latest();
        if (latest is null)
        {
            problem = $"--resume: {Path.GetFullPath(output!)} holds no complete checkpoint";
            return null;
        }

        TrainerState saved;
        try
        {
            saved = TrainerState.Read(latest.Path);
        }
        catch (Exception e) when (e is FormatException or IOException)
        {
            problem = $"--resume: {e.Message}";
            return null;
        }

        if (parseResult.GetValue(flags.Preset) is { } preset && !string.Equals(preset, saved.Preset, StringComparison.OrdinalIgnoreCase))
        {
            problem = $"--preset {preset} does not match the run being resumed (preset {saved.Preset ?? "unknown"})";
            return null;
        }

        return flags.Continued(parseResult, saved.Config, out problem) is { } config ? new TrainingRequest(config, output!, true, saved.Preset) : null;
    }

    /// <summary>The sandbox isolation from <c>Sandbox__Isolation</c> (the configuration key <c>Sandbox:Isolation</c>), bwrap when unset.</summary>
    internal static SandboxIsolation? Isolation(out string? problem)
    {
        var mode = Environment.GetEnvironmentVariable("Sandbox__Isolation") is { Length: > 0 } set ? set : "bwrap";
        problem = Enum.TryParse<SandboxIsolation>(mode, ignoreCase: true, out var isolation) && Enum.IsDefined(isolation)
            ? null
            : $"Sandbox__Isolation must be bwrap or none, got '{mode}'";
        return problem is null ? isolation : null;
    }

    internal static int Fail(string message)
    {
        Console.Error.WriteLine($"{Verb}: {message}");
        return 2;
    }
}
