using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using AbsoluteZero.Core.Configuration;
using AbsoluteZero.Core.Json;
using AbsoluteZero.Web.Api;

namespace AbsoluteZero.Web.Runs;

/// <summary>
/// Binds an evaluation's <c>config</c>: fields not given keep <see cref="EvalConfig"/>'s defaults, unknown fields and
/// wrong types are errors naming the field, and <see cref="EvalConfigValidator"/> has the last word. A given
/// <c>model</c> object replaces the default model as a whole, so <c>{"model": {"path": "/m"}}</c> means that folder.
/// </summary>
public static class EvalConfigBinding
{
    private static readonly JsonSerializerOptions Strict = CreateStrict();

    public static EvalConfig? Bind(RunPreset? preset, JsonObject? config, out IReadOnlyList<ConfigError> errors)
    {
        var json = config?.DeepClone().AsObject() ?? [];
        var nulls = NullGroups.Find(JsonSerializer.SerializeToNode(new EvalConfig(), AzrJson.Options)!.AsObject(), json).ToList();
        if (nulls.Count > 0)
        {
            errors = nulls.Select(path => new ConfigError(path, "must not be null")).ToList();
            return null;
        }

        if (json["model"] is JsonObject model)
        {
            model.TryAdd("name", null);
        }
        else if (!json.ContainsKey("model") && preset is not null)
        {
            json["model"] = new JsonObject { ["name"] = preset.Config.Model.Name };
        }

        EvalConfig? bound;
        try
        {
            bound = json.Deserialize<EvalConfig>(Strict);
        }
        catch (JsonException e)
        {
            errors = [new ConfigError(JsonErrors.Field(e), JsonErrors.Describe(e))];
            return null;
        }

        errors = bound is null ? [new ConfigError("config", "must be a JSON object")] : EvalConfigValidator.Validate(bound);
        return errors.Count == 0 ? bound : null;
    }

    private static JsonSerializerOptions CreateStrict()
    {
        var options = new JsonSerializerOptions(AzrJson.Options) { UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow };
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
