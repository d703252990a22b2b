using System.Buffers.Binary;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using AbsoluteZero.Training.Checkpoints;

namespace AbsoluteZero.Training.Tests;

/// <summary>The output of <c>azr train --preset tiny --steps 2 --json</c>, run once for the tests that read it.</summary>
public sealed class TinyRunFixture : IAsyncLifetime
{
    public string Root { get; } = Directory.CreateTempSubdirectory("azr-tiny-").FullName;

    public string Output => Path.Combine(Root, "run");

    public (int ExitCode, List<string> Stdout, string Stderr) Run { get; private set; }

    public async Task InitializeAsync() => Run = await AzrTrain.RunAsync("--preset", "tiny", "--steps", "2", "--out", Output, "--json");

    public Task DisposeAsync()
    {
        Directory.Delete(Root, recursive: true);
        return Task.CompletedTask;
    }
}

/// <summary>
/// The tiny preset end to end through the real binary: real TorchSharp, real sandbox, real checkpoints.
/// </summary>
public sealed class TinyTrainTests(TinyRunFixture tiny) : IClassFixture<TinyRunFixture>
{
    public static readonly string[] RequiredMetrics =
    [
        .. Types().SelectMany(t => new[] { "valid_rate", "format_rate", "reward_mean", "solve_rate_mean", "new_tasks" }.Select(m => $"propose/{t}/{m}")),
        .. Types().SelectMany(t => new[] { "accuracy", "format_rate", "reward_mean" }.Select(m => $"solve/{t}/{m}")),
        "reward/mean", "reward/std", "advantage/abs_mean",
        "response_length/mean", "response_length/max", "response_length/clip_ratio",
        "actor/pg_loss", "actor/entropy", "actor/grad_norm", "actor/lr", "actor/clip_frac",
        .. Types().Select(t => $"buffer/{t}/size"),
        "timing/generate", "timing/execute", "timing/reward", "timing/update", "timing/step",
        "throughput/tokens_per_s",
        .. Types().SelectMany(t => new[] { "mean_lines", "mean_depth", "mean_complexity", "answer_diversity" }.Select(m => $"programs/{t}/{m}")),
    ];

    private static string[] Types() => ["deduction", "abduction", "induction"];

    [Fact]
    public void Two_steps_give_exactly_two_json_lines_with_every_metric()
    {
        var (code, stdout, stderr) = tiny.Run;
        Assert.True(code == 0, stderr);
        Assert.Equal(2, stdout.Count);
        for (var i = 0; i < 2; i++)
        {
            var line = JsonNode.Parse(stdout[i])!.AsObject();
            Assert.Equal(["step", "metrics"], line.Select(p => p.Key));
            Assert.Equal(i + 1, line["step"]!.GetValue<int>());
            var metrics = line["metrics"]!.AsObject();
            Assert.All(RequiredMetrics, name => Assert.True(metrics.ContainsKey(name), $"step {i + 1} lacks {name}"));
            Assert.All(metrics, m => Assert.True(m.Value is null || m.Value.GetValueKind() == JsonValueKind.Number, m.Key));
            // The random tiny model proposes nothing valid: what a valid proposal would measure is null, not NaN.
            Assert.Equal(0, metrics["propose/deduction/valid_rate"]!.GetValue<double>());
            Assert.Null(metrics["propose/deduction/solve_rate_mean"]);
            Assert.Equal(1, metrics["buffer/abduction/size"]!.GetValue<double>());
            Assert.True(metrics["timing/step"]!.GetValue<double>() > 0);
            Assert.True(metrics["actor/lr"]!.GetValue<double>() > 0);
        }

        Assert.Contains("seeding:", stderr);
        Assert.Contains("checkpoint of step 2", stderr);
    }

    [Fact]
    public void The_checkpoint_is_a_hugging_face_qwen2_folder_with_the_trainer_state_beside_it()
    {
        var latest = new DirectoryInfo(Path.Combine(tiny.Output, "latest"));
        Assert.Equal(Path.Combine("checkpoints", "step-000002"), latest.LinkTarget);
        var folder = latest.FullName;
        foreach (var file in new[] { "config.json", "generation_config.json", "tokenizer.json", "model.safetensors", "optimizer.safetensors", "policy_state.json", "sampler_state.json", "trainer_state.json", "buffers/abduction.jsonl", "buffers/deduction.jsonl", "buffers/induction.jsonl" })
            Assert.True(File.Exists(Path.Combine(folder, file)), file);
        Assert.Equal("qwen2", JsonNode.Parse(File.ReadAllText(Path.Combine(folder, "config.json")))!["model_type"]!.GetValue<string>());

        var names = SafetensorsNames(Path.Combine(folder, "model.safetensors"));
        var expected = new List<string> { "model.embed_tokens.weight", "model.norm.weight" };
        for (var layer = 0; layer < 4; layer++)
        {
            var p = $"model.layers.{layer}.";
            expected.AddRange([p + "input_layernorm.weight", p + "post_attention_layernorm.weight",
                p + "self_attn.q_proj.weight", p + "self_attn.q_proj.bias", p + "self_attn.k_proj.weight", p + "self_attn.k_proj.bias",
                p + "self_attn.v_proj.weight", p + "self_attn.v_proj.bias", p + "self_attn.o_proj.weight",
                p + "mlp.gate_proj.weight", p + "mlp.up_proj.weight", p + "mlp.down_proj.weight"]);
        }

        Assert.Equal(expected.Order(), names.Order());
        var state = TrainerState.Read(folder);
        Assert.Equal((2, "tiny"), (state.Step, state.Preset));
        Assert.Equal("{\"snippet\":\"def f(a):\\n    return a\",\"original_snippet\":\"def f(a):\\n    return a\",\"input\":\"\\\"Hello world\\\"\",\"output\":\"\\\"Hello world\\\"\",\"imports\":[],\"composite_functions\":[],\"step\":0}",
            File.ReadAllText(Path.Combine(folder, "buffers", "deduction.jsonl")).Trim());
    }

    [Theory]
    [InlineData("unknown argument '--bogus'", "--preset", "tiny", "--out", "{out}", "--bogus")]
    [InlineData("--out DIR is required", "--preset", "tiny")]
    [InlineData("--out DIR is required", "--preset", "tiny", "--out")]
    [InlineData("--preset is required", "--out", "{out}")]
    [InlineData("unknown preset 'huge'", "--preset", "huge", "--out", "{out}")]
    [InlineData("--steps must be a positive whole number", "--preset", "tiny", "--out", "{out}", "--steps", "two")]
    [InlineData("steps: must be between 1", "--preset", "tiny", "--out", "{out}", "--steps", "0")]
    [InlineData("self_play.batch_sise: unknown field", "--preset", "tiny", "--out", "{out}", "--config", "{config}")]
    [InlineData("--config /nonexistent.json", "--preset", "tiny", "--out", "{out}", "--config", "/nonexistent.json")]
    [InlineData("--model: no folder at /nonexistent", "--preset", "tiny", "--out", "{out}", "--model", "/nonexistent")]
    [InlineData("holds no complete checkpoint", "--out", "{out}", "--resume")]
    [InlineData("already holds checkpoints", "--preset", "tiny", "--out", "{run}", "--steps", "3")]
    [InlineData("--preset small-ish does not match", "--preset", "small-ish", "--out", "{run}", "--resume")]
    public async Task Bad_flags_and_configs_exit_with_2_and_say_what_is_wrong(string message, params string[] args)
    {
        var config = Path.Combine(tiny.Root, "bad-config.json");
        await File.WriteAllTextAsync(config, "{\"self_play\": {\"batch_sise\": 3}}");
        var filled = args.Select(a => a.Replace("{out}", Path.Combine(tiny.Root, "empty")).Replace("{run}", tiny.Output).Replace("{config}", config)).ToArray();

        var (code, stdout, stderr) = await AzrTrain.RunAsync(filled);

        Assert.True(code == 2, $"exit {code}: {stderr}");
        Assert.Contains(message, stderr);
        Assert.StartsWith("azr train: ", stderr);
        Assert.Empty(stdout);
    }

    private static List<string> SafetensorsNames(string path)
    {
        using var file = File.OpenRead(path);
        var length = new byte[8];
        file.ReadExactly(length);
        var header = new byte[BinaryPrimitives.ReadUInt64LittleEndian(length)];
        file.ReadExactly(header);
        return JsonNode.Parse(Encoding.UTF8.GetString(header))!.AsObject().Select(p => p.Key).Where(k => k != "__metadata__").ToList();
    }
}
