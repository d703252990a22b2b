using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using AbsoluteZero.Core.Configuration;
using AbsoluteZero.Core.Json;
using AbsoluteZero.Data.Runs;
using AbsoluteZero.Web.Api.Contracts;
using AbsoluteZero.Web.Runs;

namespace AbsoluteZero.Web.Components.Runs;

/// <summary>
/// The New-run form's state: a preset plus the fields the user changed, exactly the shape of a REST request
/// (<see cref="CreateRunRequest"/>), validated by the same <see cref="RunRequestBinder"/> on every keystroke.
/// Switching preset keeps the user's changes on top of the new preset.
/// </summary>
public sealed class RunForm
{
    private readonly Dictionary<string, JsonNode?> edits = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> typed = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> unparsed = new(StringComparer.Ordinal);
    private JsonObject presetConfig = Serialize(RunPresets.Tiny.Config);

    public string Preset { get; private set; } = RunPresets.Tiny.Name;

    public string? Name { get; set; }

    /// <summary>Comma-separated.</summary>
    public string? Tags { get; set; }

    public string? Notes { get; set; }

    /// <summary>Null: the preset's queue.</summary>
    public string? Queue { get; set; }

    public RunPreset PresetInfo => RunPresets.Find(Preset) ?? RunPresets.Tiny;

    public int EditCount => edits.Count + unparsed.Count;

    public void SelectPreset(string name)
    {
        Preset = RunPresets.Find(name)?.Name ?? name;
        presetConfig = Serialize(PresetInfo.Config);
        foreach (var path in edits.Where(e => JsonNode.DeepEquals(e.Value, ValueAt(presetConfig, e.Key))).Select(e => e.Key).ToList())
            Reset(path);
    }

    /// <summary>A form that starts from another run: its preset, and every field where its config differs from it.</summary>
    public static RunForm From(Run run)
    {
        var form = new RunForm();
        form.SelectPreset(RunPresets.Find(run.Preset ?? "") is { } preset ? preset.Name : RunPresets.Tiny.Name);
        var config = JsonNode.Parse(run.Config) as JsonObject ?? [];
        foreach (var field in ConfigFields.All)
        {
            var value = ValueAt(config, field.Path);
            if (value is not null && !JsonNode.DeepEquals(value, ValueAt(form.presetConfig, field.Path)))
                form.edits[field.Path] = value.DeepClone();
        }

        (form.Name, form.Tags, form.Queue) = ($"{run.Name} (fork of #{run.Id})", string.Join(", ", run.Tags), run.Queue);
        form.Notes = $"Forked from run #{run.Id}." + (run.Notes is { Length: > 0 } notes ? "\n" + notes : "");
        return form;
    }

    public bool IsEdited(ConfigField field) => edits.ContainsKey(field.Path) || unparsed.ContainsKey(field.Path);

    public JsonNode? Value(ConfigField field) => edits.TryGetValue(field.Path, out var value) ? value : ValueAt(presetConfig, field.Path);

    /// <summary>What a text input shows: what the user typed, else the value.</summary>
    public string Text(ConfigField field) =>
        typed.TryGetValue(field.Path, out var text) ? text : Value(field) switch
        {
            null => "",
            JsonValue v when v.TryGetValue<double>(out var d) => d.ToString("G", CultureInfo.InvariantCulture),
            JsonValue v when v.TryGetValue<string>(out var s) => s,
            var other => other.ToJsonString(),
        };

    /// <summary>Parses typed text by the field's kind; text that is not a number of the right kind is held back with a message.</summary>
    public void SetText(ConfigField field, string? text)
    {
        text ??= "";
        typed[field.Path] = text;
        unparsed.Remove(field.Path);
        var trimmed = text.Trim();
        JsonNode? node;
        switch (field.Kind)
        {
            case ConfigFieldKind.Integer when long.TryParse(trimmed, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n):
                node = JsonValue.Create(n);
                break;
            case ConfigFieldKind.Integer:
                unparsed[field.Path] = "must be a whole number";
                edits.Remove(field.Path);
                return;
            case ConfigFieldKind.Number when double.TryParse(trimmed, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) && double.IsFinite(d):
                node = JsonValue.Create(d);
                break;
            case ConfigFieldKind.Number:
                unparsed[field.Path] = "must be a number (e.g. 0.5 or 1e-6)";
                edits.Remove(field.Path);
                return;
            case ConfigFieldKind.OptionalText when trimmed.Length == 0:
                node = null;
                break;
            default:
                node = JsonValue.Create(text);
                break;
        }

        Set(field.Path, node);
    }

    public void SetValue(ConfigField field, JsonNode? value)
    {
        typed.Remove(field.Path);
        unparsed.Remove(field.Path);
        Set(field.Path, value);
    }

    public void Reset(ConfigField field) => Reset(field.Path);

    private void Reset(string path)
    {
        edits.Remove(path);
        typed.Remove(path);
        unparsed.Remove(path);
    }

    private void Set(string path, JsonNode? value)
    {
        if (JsonNode.DeepEquals(value, ValueAt(presetConfig, path)))
            edits.Remove(path);
        else
            edits[path] = value;
    }

    /// <summary>The request a REST client would send for this form.</summary>
    public CreateRunRequest Request()
    {
        JsonObject? overrides = null;
        foreach (var (path, value) in edits.OrderBy(e => e.Key, StringComparer.Ordinal))
        {
            overrides ??= [];
            var dot = path.IndexOf('.');
            var group = overrides[path[..dot]] as JsonObject ?? (JsonObject)(overrides[path[..dot]] = new JsonObject());
            group[path[(dot + 1)..]] = value?.DeepClone();
        }

        var tags = Tags?.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        return new CreateRunRequest(RunKind.Train, Preset, null, overrides, Blank(Name), tags is { Length: > 0 } ? tags : null, Blank(Notes), Blank(Queue));
    }

    /// <summary>The whole config the form stands for: the preset with every change applied.</summary>
    public JsonObject FullConfig()
    {
        var config = presetConfig.DeepClone().AsObject();
        foreach (var (path, value) in edits)
        {
            var dot = path.IndexOf('.');
            ((JsonObject)config[path[..dot]]!)[path[(dot + 1)..]] = value?.DeepClone();
        }

        return config;
    }

    /// <summary>Validates like <c>POST /api/v1/runs</c>: the draft, or every error keyed by request path (<c>config.self_play.batch_size</c>).</summary>
    public (RunDraft? Draft, Dictionary<string, string[]> Errors) Validate()
    {
        var errors = new FieldErrors();
        var draft = RunRequestBinder.Bind(Request(), errors);
        foreach (var (path, message) in unparsed)
            errors.Add("config." + path, message);
        return (unparsed.Count == 0 ? draft : null, errors.ToDictionary());
    }

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    private static JsonObject Serialize(RunConfig config) => JsonSerializer.SerializeToNode(config, AzrJson.Options)!.AsObject();

    private static JsonNode? ValueAt(JsonObject config, string path)
    {
        var dot = path.IndexOf('.');
        return (config[path[..dot]] as JsonObject)?[path[(dot + 1)..]];
    }
}
