using System.Text.Json;
using System.Text.Json.Nodes;
using AbsoluteZero.Core.Configuration;
using AbsoluteZero.Core.Json;
using AbsoluteZero.Web.Components.Charts;
using AbsoluteZero.Web.Components.Runs;
using AbsoluteZero.Web.Components.Shared;

namespace AbsoluteZero.Browser.Tests;

/// <summary>The UI's pure parts, without a browser: the form covers the whole config, smoothing, highlighting.</summary>
public sealed class UiLogicTests
{
    [Fact]
    public void The_form_has_one_field_for_every_leaf_of_the_run_config()
    {
        var config = JsonSerializer.SerializeToNode(new RunConfig(), AzrJson.Options)!.AsObject();
        var leaves = config.SelectMany(group => group.Value!.AsObject().Select(field => $"{group.Key}.{field.Key}")).Order().ToList();

        Assert.Equal(leaves, ConfigFields.All.Select(f => f.Path).Order().ToList());
        Assert.Equal(new[] { "model", "self_play", "rewards", "optimization", "generation", "sandbox", "schedule" }, ConfigFields.Groups.Select(g => g.Group));
    }

    [Fact]
    public void The_form_reports_the_rest_message_for_a_bad_value_and_a_parse_error_for_text()
    {
        var form = new RunForm();
        var batch = ConfigFields.All.Single(f => f.Path == "self_play.batch_size");
        var steps = ConfigFields.All.Single(f => f.Path == "schedule.steps");

        form.SetText(batch, "0");
        form.SetText(steps, "many");
        var (draft, errors) = form.Validate();

        Assert.Null(draft);
        Assert.Equal(new[] { "must be between 1 and 4096 (got 0)" }, errors["config.self_play.batch_size"]);
        Assert.Equal(new[] { "must be a whole number" }, errors["config.schedule.steps"]);
        Assert.Equal(2, form.EditCount);

        form.SetText(batch, "8");
        form.Reset(steps);
        (draft, errors) = form.Validate();
        Assert.Empty(errors);
        Assert.Equal(8, JsonNode.Parse(draft!.ConfigJson)!["self_play"]!["batch_size"]!.GetValue<int>());
        Assert.Equal(new JsonObject { ["self_play"] = new JsonObject { ["batch_size"] = 8 } }.ToJsonString(), form.Request().Config!.ToJsonString());
    }

    [Fact]
    public void Switching_preset_keeps_the_changes_and_a_fork_starts_from_the_source_config()
    {
        var form = new RunForm();
        form.SetText(ConfigFields.All.Single(f => f.Path == "generation.temperature"), "0.7");
        form.SelectPreset("qwen2.5-coder-7b");

        var config = form.FullConfig();
        Assert.Equal("Qwen/Qwen2.5-Coder-7B", config["model"]!["name"]!.GetValue<string>());
        Assert.Equal(0.7, config["generation"]!["temperature"]!.GetValue<double>());
    }

    [Fact]
    public void Ema_is_debiased_and_keeps_gaps()
    {
        var smoothed = MetricColumns.Ema([2.0, 2.0, null, 2.0, 4.0], 0.9);

        Assert.Equal(2.0, smoothed[0]!.Value, 9);
        Assert.Equal(2.0, smoothed[1]!.Value, 9);
        Assert.Null(smoothed[2]);
        Assert.Equal(2.0, smoothed[3]!.Value, 9);
        Assert.InRange(smoothed[4]!.Value, 2.0, 4.0);
        Assert.Equal(new double?[] { 1.0, null, 3.0 }, MetricColumns.Ema([1.0, null, 3.0], 0));
    }

    [Fact]
    public void Aligning_lines_puts_nulls_where_a_line_has_no_point()
    {
        var data = MetricColumns.Align([new MetricLine("a", [(1, 10), (3, 30)]), new MetricLine("b", [(2, 20), (3, double.NaN)])]);

        Assert.Equal(new[] { 1.0, 2.0, 3.0 }, data.X);
        Assert.Equal(new double?[] { 10.0, null, 30.0 }, data.Y[0]);
        Assert.Equal(new double?[] { null, 20.0, null }, data.Y[1]);
    }

    [Fact]
    public void Highlighting_gives_back_the_source_and_classes_its_parts()
    {
        const string program = "def f(a, b='x#y'):\n    # note\n    return sorted(a)[0] + 1.5e3 if a else None\n";

        var spans = PythonHighlighter.Spans(program).ToList();

        Assert.Equal(program, string.Concat(spans.Select(s => s.Text)));
        Assert.Contains(("py-keyword", "def"), spans);
        Assert.Contains(("py-def", "f"), spans);
        Assert.Contains(("py-string", "'x#y'"), spans);
        Assert.Contains(("py-comment", "# note"), spans);
        Assert.Contains(("py-builtin", "sorted"), spans);
        Assert.Contains(("py-number", "1.5e3"), spans);
        Assert.Contains(("py-keyword", "None"), spans);
    }
}
