using System.CommandLine;
using System.Text.Json;
using AbsoluteZero.Core.Configuration;
using AbsoluteZero.Core.Json;
using AbsoluteZero.Model;
using AbsoluteZero.Model.Benchmarks;

namespace AbsoluteZero.Cli.Commands.Bench;

/// <summary>
/// <c>azr bench model --preset small --json</c>: prefill, decode and training throughput of a policy model, and an f32
/// matmul measured in the same process as the ceiling (prefill_vs_peak is the forward pass's share of it).
/// </summary>
public static class ModelBench
{
    public static Command Create()
    {
        var preset = new Option<string>("--preset") { Description = "Model preset (tiny, small) or a Hugging Face folder.", DefaultValueFactory = _ => "small" };
        var json = new Option<bool>("--json") { Description = "Print one JSON line (the default output is the same line, indented)." };
        var device = new Option<ModelDevice>("--device") { Description = "auto, cpu or cuda.", DefaultValueFactory = _ => ModelDevice.Auto };
        var dtype = new Option<ModelDtype>("--dtype") { Description = "auto (bf16 on CUDA, f32 on CPU), float32 or bfloat16.", DefaultValueFactory = _ => ModelDtype.Auto };
        var batch = new Option<int>("--batch") { Description = "Rows per batch.", DefaultValueFactory = _ => 8 };
        var promptLength = new Option<int>("--prompt-length") { Description = "Prefill tokens per row.", DefaultValueFactory = _ => 256 };
        var decodeTokens = new Option<int>("--decode-tokens") { Description = "Decode steps per repeat.", DefaultValueFactory = _ => 64 };
        var repeats = new Option<int>("--repeats") { Description = "Timed repeats after one warm-up; the best is reported.", DefaultValueFactory = _ => 3 };
        var command = new Command("model", "Policy model throughput: prefill, KV-cache decode, training step, against an f32 matmul peak.");
        foreach (var option in new Option[] { preset, json, device, dtype, batch, promptLength, decodeTokens, repeats })
            command.Options.Add(option);
        command.SetAction(parseResult =>
        {
            var name = parseResult.GetValue(preset)!;
            var settings = new ModelSettings { Name = name, Device = parseResult.GetValue(device), Dtype = parseResult.GetValue(dtype) };
            var optimization = new OptimizationSettings { MicroBatchSize = parseResult.GetValue(batch) };
            using var policy = TorchPolicyFactory.Create(settings, optimization, seed: 1);
            var options = new ModelBenchmarkOptions(parseResult.GetValue(batch), parseResult.GetValue(promptLength), parseResult.GetValue(decodeTokens), Repeats: parseResult.GetValue(repeats));
            var result = ModelBenchmark.Run(policy, options);
            var line = JsonSerializer.SerializeToNode(result, AzrJson.Options)!.AsObject();
            line.Insert(0, "preset", name);
            Console.WriteLine(line.ToJsonString(parseResult.GetValue(json) ? AzrJson.Options : AzrJson.Indented));
            return 0;
        });
        return command;
    }
}
