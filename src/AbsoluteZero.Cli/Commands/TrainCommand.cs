using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using AbsoluteZero.Core.Configuration;
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
        var preset = Text("--preset", $"Run preset: {string.Join(", ", RunPresets.All.Select(p => p.Name))} (required unless --resume).");
        var model = Text("--model", "A local Hugging Face model folder (sets model.path).");
        var config = Text("--config", "A JSON file of run-config overrides, as the REST API takes them (e.g. {\"schedule\": {\"save_every\": 2}}).");
        var steps = Text("--steps", "The step to train up to (schedule.steps; default: the preset's).");
        var output = Text("--out", "Output folder: checkpoints under DIR/checkpoints, DIR/latest links the newest.");
        var resume = new Option<bool>("--resume") { Description = "Continue the run in --out from its newest checkpoint." };
        var json = new Option<bool>("--json") { Description = "One {\"step\", \"metrics\"} JSON line per step on stdout; everything else on stderr." };
        var run = Text("--run", "Train the platform's run ID: config from the database, records written there (what a worker starts).");
        var supervisor = Text("--supervisor", "With --run: the process id of the worker supervising it; the run stops (checkpointing) if it goes away.");
        var command = new Command("train", "Train with AZR self-play, offline (checkpoints and step metrics, no database) or a platform run (--run ID).")
        {
            preset, model, config, steps, output, resume, json, run, supervisor,
        };
        // Flag mistakes must exit with 2 like every other bad input, so unknown tokens are reported here, not by the parser.
        command.TreatUnmatchedTokensAsErrors = false;
        // A synchronous action: the parser's own SIGINT/SIGTERM handling (async actions only) would end the process
        // after its timeout even while a checkpoint is being written; StopSignals lets the session finish it.
        command.SetAction(parseResult =>
        {
            if (parseResult.GetValue(run) is not null || parseResult.GetValue(supervisor) is not null)
                return Train.TrainRunMode.Run(parseResult, run, supervisor, output, [preset, model, config, steps, resume, json]);
            var request = Request(parseResult, preset, model, config, steps, output, resume, out var problem);
            if (request is null)
                return Fail(problem!);
            return RunAsync(request, parseResult.GetValue(json)).GetAwaiter().GetResult();
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
        var mode = Environment.GetEnvironmentVariable("Sandbox__Isolation") is { Length: > 0 } set ? set : "bwrap";
        if (!Enum.TryParse<SandboxIsolation>(mode, ignoreCase: true, out var isolation) || !Enum.IsDefined(isolation))
            return Fail($"Sandbox__Isolation must be bwrap or none, got '{mode}'");
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

    private static TrainingRequest? Request(ParseResult parseResult, Option<string?> presetOption, Option<string?> modelOption, Option<string?> configOption,
        Option<string?> stepsOption, Option<string?> outputOption, Option<bool> resumeOption, out string? problem)
    {
        problem = null;
        if (parseResult.UnmatchedTokens.Count > 0)
            return Problem($"unknown argument '{parseResult.UnmatchedTokens[0]}'", out problem);
        var output = parseResult.GetValue(outputOption);
        if (string.IsNullOrWhiteSpace(output))
            return Problem("--out DIR is required", out problem);
        int? steps = null;
        if (parseResult.GetValue(stepsOption) is { } stepsText)
        {
            if (!int.TryParse(stepsText, NumberStyles.None, CultureInfo.InvariantCulture, out var n))
                return Problem($"--steps must be a positive whole number, got '{stepsText}'", out problem);
            steps = n;
        }

        var overrides = new JsonObject();
        if (parseResult.GetValue(configOption) is { } configPath && !ReadOverrides(configPath, overrides, out problem))
            return null;
        var presetName = parseResult.GetValue(presetOption);
        var modelPath = parseResult.GetValue(modelOption);
        if (modelPath is not null)
        {
            if (!Directory.Exists(modelPath))
                return Problem($"--model: no folder at {modelPath}", out problem);
            overrides["model"] = Merge(overrides["model"] as JsonObject, new JsonObject { ["path"] = Path.GetFullPath(modelPath) });
        }

        RunConfig? config;
        IReadOnlyList<ConfigError> errors;
        if (parseResult.GetValue(resumeOption))
        {
            var latest = new CheckpointStore(output).Latest();
            if (latest is null)
                return Problem($"--resume: {Path.GetFullPath(output)} holds no complete checkpoint", out problem);
            TrainerState saved;
            try
            {
                saved = TrainerState.Read(latest.Path);
            }
            catch (Exception e) when (e is FormatException or IOException)
            {
                return Problem($"--resume: {e.Message}", out problem);
            }

            if (presetName is not null && !string.Equals(presetName, saved.Preset, StringComparison.OrdinalIgnoreCase))
                return Problem($"--preset {presetName} does not match the run being resumed (preset {saved.Preset ?? "unknown"})", out problem);
            if (modelPath is not null)
                return Problem("--model cannot change the model of a run being resumed; its checkpoint holds the weights", out problem);
            config = RunConfigBinder.Bind(saved.Config, overrides, steps, out errors);
            presetName = saved.Preset;
        }
        else
        {
            if (presetName is null)
                return Problem($"--preset is required (one of {string.Join(", ", RunPresets.All.Select(p => p.Name))})", out problem);
            config = RunConfigBinder.Bind(presetName, overrides, steps, out errors);
            presetName = RunPresets.Find(presetName)?.Name ?? presetName;
        }

        if (config is null)
            return Problem(string.Join("; ", errors.Select(e => $"{e.Field}: {e.Message}")), out problem);
        return new TrainingRequest(config, output, parseResult.GetValue(resumeOption), presetName);
    }

    private static bool ReadOverrides(string path, JsonObject overrides, out string? problem)
    {
        problem = null;
        try
        {
            if (JsonNode.Parse(File.ReadAllText(path)) is not JsonObject read)
            {
                problem = $"--config {path}: must hold a JSON object";
                return false;
            }

            foreach (var (key, value) in read)
                overrides[key] = value?.DeepClone();
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or JsonException)
        {
            problem = $"--config {path}: {e.Message}";
            return false;
        }
    }

    private static JsonObject Merge(JsonObject? target, JsonObject patch)
    {
        var merged = target?.DeepClone().AsObject() ?? [];
        foreach (var (key, value) in patch)
            merged[key] = value?.DeepClone();
        return merged;
    }

    private static Option<string?> Text(string name, string description) =>
        new(name) { Description = description, Arity = ArgumentArity.ZeroOrOne };

    private static TrainingRequest? Problem(string message, out string? problem)
    {
        problem = message;
        return null;
    }

    internal static int Fail(string message)
    {
        Console.Error.WriteLine($"{Verb}: {message}");
        return 2;
    }
}
