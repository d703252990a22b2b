using System.Text.Json;
using System.Text.Json.Nodes;
using AbsoluteZero.Core.Configuration;
using AbsoluteZero.Core.Json;

namespace AbsoluteZero.Core.Tests.Configuration;

public class RunConfigBinderTests
{
    [Fact]
    public void Defaults_are_the_reference_values()
    {
        var c = new RunConfig();
        Assert.Equal(64, c.SelfPlay.BatchSize);
        Assert.Equal(6, c.SelfPlay.References);
        Assert.Equal(8, c.SelfPlay.LearnabilitySamples);
        Assert.Equal(1e-6, c.Optimization.LearningRate);
        Assert.Equal(0.001, c.Optimization.EntropyCoeff);
        Assert.Equal(-0.5, c.Rewards.ProposerExtremeReward);
        Assert.Equal(16384, c.SelfPlay.MaxBufferSize);
        Assert.Empty(RunConfigValidator.Validate(c));
    }

    [Fact]
    public void Every_preset_is_valid()
    {
        foreach (var preset in RunPresets.All)
            Assert.Empty(RunConfigValidator.Validate(preset.Config));
    }

    [Fact]
    public void Overrides_merge_into_the_preset_field_by_field()
    {
        var overrides = JsonNode.Parse("""{"self_play": {"batch_size": 8}, "optimization": {"lr_schedule": "cosine"}}""")!.AsObject();
        var config = RunConfigBinder.Bind("tiny", overrides, steps: 3, out var errors);
        Assert.Empty(errors);
        Assert.NotNull(config);
        Assert.Equal(8, config.SelfPlay.BatchSize);
        Assert.Equal(2, config.SelfPlay.LearnabilitySamples); // kept from the preset
        Assert.Equal(LearningRateSchedule.Cosine, config.Optimization.LrSchedule);
        Assert.Equal(3, config.Schedule.Steps);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(100_001)]
    public void Steps_out_of_range_are_named_steps(int steps)
    {
        var config = RunConfigBinder.Bind("tiny", null, steps, out var errors);
        Assert.Null(config);
        var error = Assert.Single(errors);
        Assert.Equal("steps", error.Field);
    }

    [Fact]
    public void Unknown_fields_and_wrong_types_name_the_field()
    {
        RunConfigBinder.Bind("tiny", JsonNode.Parse("""{"self_play": {"batch_sise": 8}}""")!.AsObject(), null, out var unknown);
        Assert.Contains("self_play", Assert.Single(unknown).Field);

        RunConfigBinder.Bind("tiny", JsonNode.Parse("""{"optimization": {"learning_rate": "fast"}}""")!.AsObject(), null, out var wrongType);
        Assert.Equal("optimization.learning_rate", Assert.Single(wrongType).Field);

        RunConfigBinder.Bind("nope", null, null, out var preset);
        Assert.Equal("preset", Assert.Single(preset).Field);
    }

    [Fact]
    public void Invalid_values_are_all_reported()
    {
        var overrides = JsonNode.Parse("""{"self_play": {"batch_size": 0, "induction_inputs": 7}, "generation": {"top_p": 0}}""")!.AsObject();
        RunConfigBinder.Bind("tiny", overrides, null, out var errors);
        Assert.Equal(["generation.top_p", "self_play.batch_size", "self_play.induction_inputs"], errors.Select(e => e.Field).Order().ToArray());
    }

    [Fact]
    public void Config_round_trips_through_snake_case_json()
    {
        var json = JsonSerializer.Serialize(RunPresets.Find("llama3.1-8b")!.Config, AzrJson.Options);
        Assert.Contains("\"reject_multiple_functions\":false", json);
        Assert.Contains("\"function_rename\":\"any_last\"", json);
        Assert.Contains("\"task_types\":[\"abduction\",\"deduction\",\"induction\"]", json);
        var back = JsonSerializer.Deserialize<RunConfig>(json, AzrJson.Options)!;
        Assert.Equal(JsonSerializer.Serialize(back, AzrJson.Options), json);
    }

    [Fact]
    public void A_group_set_to_null_is_named_not_a_crash()
    {
        var config = RunConfigBinder.Bind("tiny", JsonNode.Parse("""{"self_play": null}""")!.AsObject(), null, out var errors);
        Assert.Null(config);
        Assert.Equal("self_play", Assert.Single(errors).Field);
    }
}
