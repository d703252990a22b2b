using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using AbsoluteZero.Core.Configuration;
using AbsoluteZero.Core.Json;
using AbsoluteZero.Data.Runs;
using AbsoluteZero.Web.Api.Contracts;

namespace AbsoluteZero.Web.Runs;

/// <summary>
/// Validates a <see cref="CreateRunRequest"/> completely (every bad field is reported, not just the first) and binds
/// its config: training through <see cref="RunConfigBinder"/>, evaluation through <see cref="EvalConfigBinding"/>.
/// Errors are keyed by the request's own JSON paths: <c>steps</c>, <c>preset</c>, <c>config.self_play.batch_size</c>.
/// </summary>
public static partial class RunRequestBinder
{
    public const int MaxNameLength = 200;
    public const int MaxTags = 20;
    public const int MaxNotesLength = 10_000;

    /// <param name="trainBaseline">
    /// For a fork: the config a train request's overrides merge into instead of its preset's (the preset is still checked
    /// and recorded).
    /// </param>
    public static RunDraft? Bind(CreateRunRequest request, FieldErrors errors, RunConfig? trainBaseline = null)
    {
        var kind = request.Kind ?? RunKind.Train;
        var name = request.Name?.Trim();
        if (name is { Length: 0 or > MaxNameLength })
            errors.Add("name", $"must be 1–{MaxNameLength} characters");
        var tags = BindTags(request.Tags, errors);
        if (request.Notes is { Length: > MaxNotesLength })
            errors.Add("notes", $"must be at most {MaxNotesLength} characters");
        if (request.Queue is not null && !QueueName().IsMatch(request.Queue))
            errors.Add("queue", "must be 1–50 lower-case letters, digits, '-' or '_' (a Hangfire queue name)");

        var preset = request.Preset is null ? null : RunPresets.Find(request.Preset);
        var bound = kind == RunKind.Train
            ? BindTrain(request, preset, trainBaseline, errors)
            : BindEval(request, preset, errors);
        if (bound is null || errors.Any)
            return null;

        return new RunDraft(kind, name ?? bound.Value.DefaultName, preset?.Name, bound.Value.ConfigJson,
            request.Queue ?? bound.Value.DefaultQueue, tags, request.Notes, bound.Value.TotalSteps);
    }

    private static (string ConfigJson, string DefaultName, string DefaultQueue, int? TotalSteps)? BindTrain(
        CreateRunRequest request, RunPreset? preset, RunConfig? trainBaseline, FieldErrors errors)
    {
        var known = string.Join(", ", RunPresets.All.Select(p => p.Name));
        if (string.IsNullOrWhiteSpace(request.Preset))
            errors.Add("preset", $"is required for a train run; one of: {known}");
        else if (preset is null)
            errors.Add("preset", $"unknown preset '{request.Preset}'; one of: {known}");

        // Without a usable preset the reference defaults stand in, so the other fields are still checked.
        var baseline = trainBaseline ?? preset?.Config ?? new RunConfig();
        if (request.Config is { } overrides)
        {
            var groups = JsonSerializer.SerializeToNode(baseline, AzrJson.Options)!.AsObject();
            var nulls = NullGroups.Find(groups, overrides).ToList();
            foreach (var path in nulls)
                errors.Add("config." + path, "must not be null");
            if (nulls.Count > 0)
                return null;
        }

        var config = RunConfigBinder.Bind(baseline, request.Config, request.Steps, out var configErrors);
        foreach (var error in configErrors)
            errors.Add(error.Field is "steps" or "config" ? error.Field : "config." + error.Field, error.Message);
        if (config is null)
            return null;

        return (JsonSerializer.Serialize(config, AzrJson.Options), preset?.Name ?? "train",
            preset?.Queue ?? RunPresets.CpuQueue, config.Schedule.Steps);
    }

    private static (string ConfigJson, string DefaultName, string DefaultQueue, int? TotalSteps)? BindEval(
        CreateRunRequest request, RunPreset? preset, FieldErrors errors)
    {
        if (request.Preset is not null && preset is null)
            errors.Add("preset", $"unknown preset '{request.Preset}'; one of: {string.Join(", ", RunPresets.All.Select(p => p.Name))}");
        if (request.Steps is not null)
            errors.Add("steps", "applies to train runs only; an evaluation's length is set by its benchmarks");

        var config = EvalConfigBinding.Bind(preset, request.Config, out var configErrors);
        foreach (var error in configErrors)
            errors.Add(error.Field == "config" ? error.Field : "config." + error.Field, error.Message);
        if (config is null)
            return null;

        var model = config.Model;
        var label = model.Name ?? model.Path ?? $"run {model.RunId}";
        var queue = model.Name == RunPresets.Tiny.Name ? RunPresets.CpuQueue : RunPresets.GpuQueue;
        return (JsonSerializer.Serialize(config, AzrJson.Options), $"eval {label}", queue, null);
    }

    private static List<string> BindTags(IReadOnlyList<string>? tags, FieldErrors errors)
    {
        if (tags is null)
            return [];
        if (tags.Count > MaxTags)
            errors.Add("tags", $"at most {MaxTags} tags");
        foreach (var tag in tags.Where(t => t is null || !TagPattern().IsMatch(t)))
            errors.Add("tags", $"'{tag}' is not a tag: 1–64 letters, digits or . _ : / - starting with a letter or digit");
        return tags.Where(t => t is not null).Distinct(StringComparer.Ordinal).ToList();
    }

    [GeneratedRegex("^[a-z0-9_-]{1,50}$")]
    private static partial Regex QueueName();

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9._:/-]{0,63}$")]
    private static partial Regex TagPattern();
}
