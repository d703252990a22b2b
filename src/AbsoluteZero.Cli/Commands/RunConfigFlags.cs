using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using AbsoluteZero.Core.Configuration;

namespace AbsoluteZero.Cli.Commands;

/// <summary>
/// <c>--preset</c>, <c>--model</c>, <c>--config</c> and <c>--steps</c> as <c>azr train</c> and <c>azr bench train</c>
/// read them: a preset, then the overrides file, then the model folder, then the step count, merged by
/// <see cref="RunConfigBinder"/>. Every problem is a sentence naming the flag or the config field. Values are optional
/// at the parser level so that a missing one is reported here (exit code 2), not by the parser.
/// </summary>
public sealed class RunConfigFlags
{
    public Option<string?> Preset { get; } = Text("--preset", $"Run preset: {string.Join(", ", RunPresets.All.Select(p => p.Name))}.");

    public Option<string?> Model { get; } = Text("--model", "A local Hugging Face model folder (sets model.path).");

    public Option<string?> Config { get; } = Text("--config", "A JSON file of run-config overrides, as the REST API takes them (e.g. {\"schedule\": {\"save_every\": 2}}).");

    public Option<string?> Steps { get; } = Text("--steps", "The step to train up to (schedule.steps; default: the preset's).");

    public IEnumerable<Option> All => [Preset, Model, Config, Steps];

    /// <summary>The preset's config with the overrides, or null and the problem.</summary>
    public (RunConfig Config, string Preset)? Fresh(ParseResult parseResult, out string? problem)
    {
        if (parseResult.GetValue(Preset) is not { } name)
        {
            problem = $"--preset is required (one of {string.Join(", ", RunPresets.All.Select(p => p.Name))})";
            return null;
        }

        var config = Bind(parseResult, (overrides, steps) => (RunConfigBinder.Bind(name, overrides, steps, out var errors), errors), out problem);
        return config is null ? null : (config, RunPresets.Find(name)!.Name);
    }

    /// <summary>A saved run's config with the overrides and step count given now (the model flag is refused: the weights come from the checkpoint).</summary>
    public RunConfig? Continued(ParseResult parseResult, RunConfig saved, out string? problem)
    {
        if (parseResult.GetValue(Model) is not null)
        {
            problem = "--model cannot change the model of a run being resumed; its checkpoint holds the weights";
            return null;
        }

        return Bind(parseResult, (overrides, steps) => (RunConfigBinder.Bind(saved, overrides, steps, out var errors), errors), out problem);
    }

    private RunConfig? Bind(ParseResult parseResult, Func<JsonObject, int?, (RunConfig? Config, IReadOnlyList<ConfigError> Errors)> bind, out string? problem)
    {
        var overrides = Overrides(parseResult, out problem);
        var steps = StepCount(parseResult, ref problem);
        if (problem is not null)
            return null;
        var (config, errors) = bind(overrides, steps);
        problem = config is null ? string.Join("; ", errors.Select(e => $"{e.Field}: {e.Message}")) : null;
        return config;
    }

    private JsonObject Overrides(ParseResult parseResult, out string? problem)
    {
        problem = null;
        var overrides = new JsonObject();
        if (parseResult.GetValue(Config) is { } path)
        {
            try
            {
                if (JsonNode.Parse(File.ReadAllText(path)) is JsonObject read)
                    overrides = read;
                else
                    problem = $"--config {path}: must hold a JSON object";
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or JsonException)
            {
                problem = $"--config {path}: {e.Message}";
            }
        }

        if (parseResult.GetValue(Model) is { } model)
        {
            if (!Directory.Exists(model))
                problem ??= $"--model: no folder at {model}";
            var group = overrides["model"] as JsonObject ?? [];
            group["path"] = Path.GetFullPath(model);
            overrides["model"] = group;
        }

        return overrides;
    }

    private int? StepCount(ParseResult parseResult, ref string? problem)
    {
        if (parseResult.GetValue(Steps) is not { } text)
            return null;
        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var steps))
            return steps;
        problem ??= $"--steps must be a positive whole number, got '{text}'";
        return null;
    }

    private static Option<string?> Text(string name, string description) =>
        new(name) { Description = description, Arity = ArgumentArity.ZeroOrOne };
}
