using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using AbsoluteZero.Core.Configuration;
using AbsoluteZero.Core.Json;
using AbsoluteZero.Data.Runs;
using AbsoluteZero.Web.Api.Contracts;

namespace AbsoluteZero.Web.Components.Evaluation;

/// <summary>Where the model of a new evaluation comes from.</summary>
public enum ModelSource
{
    /// <summary>A registry name or a built-in preset (<c>model.name</c>).</summary>
    Named,

    /// <summary>A training run's checkpoint (<c>model.run_id</c>, <c>model.step</c>).</summary>
    Checkpoint,

    /// <summary>A Hugging Face folder on the worker (<c>model.path</c>).</summary>
    Folder,
}

/// <summary>
/// The New-evaluation form's state. It becomes the same <see cref="CreateRunRequest"/> a script posts, so the form is
/// validated by the REST API's own binder (<c>EvalConfigValidator</c>) and model resolution.
/// </summary>
public sealed class EvalForm
{
    public ModelSource Source { get; set; } = ModelSource.Named;

    public string? ModelName { get; set; } = RunPresets.Tiny.Name;

    public Run? TrainingRun { get; set; }

    /// <summary>Null: the latest checkpoint (pinned when queued).</summary>
    public int? Step { get; set; }

    public string? Path { get; set; }

    public HashSet<string> Benchmarks { get; } = [.. BenchmarkNames.PaperCode, .. BenchmarkNames.PaperMath];

    public double Temperature { get; set; }

    public double TopP { get; set; } = 1.0;

    public int Samples { get; set; } = 1;

    /// <summary>Null: each benchmark's own budget (the paper's 8096 code, 16000 math).</summary>
    public int? MaxNewTokens { get; set; }

    public PromptStyle PromptStyle { get; set; } = PromptStyle.Auto;

    public int? Limit { get; set; }

    public string? Name { get; set; }

    public string? Queue { get; set; }

    public string? Tags { get; set; }

    public string? Notes { get; set; }

    /// <summary>The request this form stands for: only what differs from the defaults is set, as a person would write it.</summary>
    public CreateRunRequest Request()
    {
        var model = Source switch
        {
            ModelSource.Named => new JsonObject { ["name"] = ModelName },
            ModelSource.Checkpoint => new JsonObject { ["run_id"] = TrainingRun?.Id, ["step"] = Step },
            _ => new JsonObject { ["path"] = Path },
        };
        var decoding = new JsonObject { ["temperature"] = Temperature, ["top_p"] = TopP, ["samples"] = Samples };
        if (MaxNewTokens is { } tokens)
            decoding["max_new_tokens"] = tokens;
        var config = new JsonObject
        {
            ["model"] = model,
            ["benchmarks"] = new JsonArray([.. BenchmarkNames.All.Where(Benchmarks.Contains).Select(b => (JsonNode)b)]),
            ["decoding"] = decoding,
            ["prompt_style"] = JsonNamingPolicy.SnakeCaseLower.ConvertName(PromptStyle.ToString()),
        };
        if (Limit is { } limit)
            config["limit"] = limit;
        var tags = Tags?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();
        return new CreateRunRequest(RunKind.Eval, Config: config, Name: Blank(Name), Tags: tags is { Count: > 0 } ? tags : null, Notes: Blank(Notes), Queue: Blank(Queue));
    }

    /// <summary>The request as JSON, for the REST view.</summary>
    public string RequestJson() => JsonSerializer.Serialize(Request(), AzrJson.Indented);

    /// <summary>Starts the form from a link: <c>?model=NAME</c>, <c>?run_id=ID[&amp;step=S]</c> or <c>?path=DIR</c>.</summary>
    public void Prefill(string? model, Run? training, int? step, string? path)
    {
        if (training is not null)
            (Source, TrainingRun, Step) = (ModelSource.Checkpoint, training, step);
        else if (!string.IsNullOrWhiteSpace(path))
            (Source, Path) = (ModelSource.Folder, path);
        else if (!string.IsNullOrWhiteSpace(model))
            (Source, ModelName) = (ModelSource.Named, model);
    }

    public static string Number(double value) => value.ToString("0.###", CultureInfo.InvariantCulture);

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
