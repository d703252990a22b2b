using System.CommandLine;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using AbsoluteZero.Core.Checking;
using AbsoluteZero.Core.Configuration;
using AbsoluteZero.Sandbox;

namespace AbsoluteZero.Cli.Commands;

/// <summary>
/// <c>azr check-response</c>: judges model responses exactly as self-play would. JSON lines
/// <c>{"id", "task_type", "role", "response", "task", "solve_rate"}</c> on stdin, one
/// <c>{"id", "format_ok", "valid", "reason", "output", "outputs", "correct", "reward"}</c> per line on stdout
/// (<see cref="ResponseCheckLines"/>). Rules come from the reference's defaults, or a preset plus overrides.
/// </summary>
public static class CheckResponseCommand
{
    public static Command Create()
    {
        var preset = new Option<string?>("--preset") { Description = "Take self-play, reward and sandbox settings from this run preset (default: the reference's values)." };
        var overrides = new Option<string?>("--config") { Description = "Run-config overrides as a JSON object, e.g. '{\"self_play\": {\"max_output_chars\": 800}}'." };
        var workers = new Option<int>("--workers") { Description = "Warm sandbox workers (0: one per core).", DefaultValueFactory = _ => 0 };
        var isolation = new Option<string?>("--isolation") { Description = "bwrap (default) or none (UNSAFE: no namespaces). Also read from Sandbox__Isolation." };

        var command = new Command("check-response", "Judge proposer and solver responses as self-play does: JSON lines {id, task_type, role, response, task, solve_rate} on stdin, {id, format_ok, valid, reason, output, outputs, correct, reward} on stdout.")
        {
            preset, overrides, workers, isolation,
        };
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var config = Config(parseResult.GetValue(preset), parseResult.GetValue(overrides), out var problem);
            var mode = parseResult.GetValue(isolation) ?? Environment.GetEnvironmentVariable("Sandbox__Isolation") ?? "bwrap";
            if (!Enum.TryParse<SandboxIsolation>(mode, ignoreCase: true, out var parsedIsolation) || !Enum.IsDefined(parsedIsolation))
                problem ??= $"--isolation must be bwrap or none, got '{mode}'";
            if (config is null || problem is not null)
            {
                await Console.Error.WriteLineAsync($"azr check-response: {problem}");
                return 2;
            }

            SandboxPool pool;
            try
            {
                var options = SandboxOptions.FromSettings(config.Sandbox) with { Workers = parseResult.GetValue(workers), Isolation = parsedIsolation };
                pool = await SandboxExecutorFactory.StartAsync(options, Console.Error.WriteLine, cancellationToken);
            }
            catch (Exception exception) when (exception is SandboxUnavailableException or ArgumentException)
            {
                await Console.Error.WriteLineAsync($"azr check-response: {exception.Message}");
                return 2;
            }

            await using (pool)
            {
                await using var stdout = new StreamWriter(Console.OpenStandardOutput(), new UTF8Encoding(false));
                using var stdin = new StreamReader(Console.OpenStandardInput(), Encoding.UTF8);
                var bad = await ResponseCheckLines.RunAsync(pool, config, stdin, stdout, Console.Error, 4 * pool.Options.EffectiveWorkers, cancellationToken);
                return bad == 0 ? 0 : 1;
            }
        });
        return command;
    }

    private static RunConfig? Config(string? presetName, string? overridesJson, out string? problem)
    {
        problem = null;
        JsonObject? overrides = null;
        if (overridesJson is not null)
        {
            try
            {
                overrides = JsonNode.Parse(overridesJson) as JsonObject;
            }
            catch (JsonException e)
            {
                problem = $"--config is not valid JSON: {e.Message}";
                return null;
            }

            if (overrides is null)
            {
                problem = "--config must be a JSON object";
                return null;
            }
        }

        var config = presetName is null
            ? RunConfigBinder.Bind(new RunConfig(), overrides, null, out var errors)
            : RunConfigBinder.Bind(presetName, overrides, null, out errors);
        if (config is null || errors.Count > 0)
            problem = string.Join("; ", errors.Select(e => $"{e.Field}: {e.Message}"));
        return errors.Count > 0 ? null : config;
    }
}
