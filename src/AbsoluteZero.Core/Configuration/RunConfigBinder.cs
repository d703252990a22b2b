using System.Text.Json;
using System.Text.Json.Nodes;
using AbsoluteZero.Core.Json;

namespace AbsoluteZero.Core.Configuration;

/// <summary>
/// Builds a run's config the way every client asks for one: a preset, then overrides (a partial JSON object merged
/// field by field), then the step count. Unknown fields and wrong types are errors that name the field, never
/// silently dropped.
/// </summary>
public static class RunConfigBinder
{
    private static readonly JsonSerializerOptions Strict = CreateStrict();

    /// <summary>Returns the config, or null with the errors that prevented it.</summary>
    public static RunConfig? Bind(string presetName, JsonObject? overrides, int? steps, out IReadOnlyList<ConfigError> errors)
    {
        var preset = RunPresets.Find(presetName);
        if (preset is null)
        {
            errors = [new ConfigError("preset", $"unknown preset '{presetName}'; known: {string.Join(", ", RunPresets.All.Select(p => p.Name))}")];
            return null;
        }

        return Bind(preset.Config, overrides, steps, out errors);
    }

    public static RunConfig? Bind(RunConfig baseConfig, JsonObject? overrides, int? steps, out IReadOnlyList<ConfigError> errors)
    {
        var merged = JsonSerializer.SerializeToNode(baseConfig, AzrJson.Options)!.AsObject();
        if (overrides is not null)
            Merge(merged, overrides);

        RunConfig? config;
        try
        {
            config = merged.Deserialize<RunConfig>(Strict);
        }
        catch (JsonException e)
        {
            errors = [new ConfigError(FieldOf(e.Path), Describe(e))];
            return null;
        }

        if (config is null)
        {
            errors = [new ConfigError("config", "must be a JSON object")];
            return null;
        }

        var missingGroups = MissingGroups(merged);
        if (missingGroups.Count > 0)
        {
            errors = missingGroups;
            return null;
        }

        if (steps is { } n)
            config = config with { Schedule = config.Schedule with { Steps = n } };

        var problems = RunConfigValidator.Validate(config).ToList();
        if (steps is not null)
        {
            // The request's own field name, so a client sees `steps`, not the nested path it maps to.
            problems = problems.Select(p => p.Field == "schedule.steps" ? p with { Field = "steps" } : p).ToList();
        }

        errors = problems;
        return problems.Count == 0 ? config : null;
    }

    /// <summary>A group set to null (or to a non-object) would leave the record half-built; name it instead.</summary>
    private static List<ConfigError> MissingGroups(JsonObject merged) =>
        merged.Where(p => IsGroup(p.Key) && p.Value is not JsonObject)
            .Select(p => new ConfigError(p.Key, "must be a JSON object"))
            .ToList();

    private static bool IsGroup(string key) =>
        key is "model" or "self_play" or "rewards" or "optimization" or "generation" or "sandbox" or "schedule";

    /// <summary>JSON merge: objects merge recursively, anything else (arrays included) replaces.</summary>
    private static void Merge(JsonObject target, JsonObject patch)
    {
        foreach (var (key, value) in patch)
        {
            if (value is JsonObject patchObject && target[key] is JsonObject targetObject)
                Merge(targetObject, patchObject);
            else
                target[key] = value?.DeepClone();
        }
    }

    private static string FieldOf(string? jsonPath)
    {
        if (string.IsNullOrEmpty(jsonPath) || jsonPath == "$")
            return "config";
        return jsonPath.StartsWith("$.", StringComparison.Ordinal) ? jsonPath[2..] : jsonPath.TrimStart('$');
    }

    private static string Describe(JsonException e)
    {
        // System.Text.Json's messages mention CLR types; keep the part a user can act on.
        var message = e.Message;
        if (message.Contains("could not be mapped", StringComparison.Ordinal))
            return "unknown field";
        if (message.Contains("could not be converted", StringComparison.Ordinal))
            return "has the wrong type or an unknown value";
        return message;
    }

    private static JsonSerializerOptions CreateStrict()
    {
        var options = new JsonSerializerOptions(AzrJson.Options)
        {
            UnmappedMemberHandling = System.Text.Json.Serialization.JsonUnmappedMemberHandling.Disallow,
        };
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
