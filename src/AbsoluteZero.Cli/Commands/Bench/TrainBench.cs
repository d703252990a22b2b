using System.CommandLine;
using System.Text.Json;
using AbsoluteZero.Core.Json;
using AbsoluteZero.Sandbox;
using AbsoluteZero.Training.Benchmarks;
using AbsoluteZero.Training.Policies;

namespace AbsoluteZero.Cli.Commands.Bench;

/// <summary>
/// <c>azr bench train --preset tiny --json [--steps N] [--config FILE] [--model PATH] [--sandbox-load]</c>: seconds per
/// self-play step split into prepare, generate, execute (waiting on the sandbox), reward and update, tokens/s, and the
/// same steps with sandbox work not overlapped with generation as the same-run baseline (<see cref="TrainingBenchmark"/>).
/// </summary>
public static class TrainBench
{
    public static Command Create()
    {
        var flags = new RunConfigFlags();
        var json = new Option<bool>("--json") { Description = "Print one JSON line (the default output is the same object, indented)." };
        var sandboxLoad = new Option<bool>("--sandbox-load")
        {
            Description = "Replace the model's text by prepared valid proposals and answers (generation time stays real) so the sandbox has a capable model's work.",
        };
        var command = new Command("train", "Self-play step time by phase and tokens/s, overlapped sandbox work against sequential, same run.");
        foreach (var option in flags.All.Append(json).Append(sandboxLoad))
            command.Options.Add(option);
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var fresh = flags.Fresh(parseResult, out var problem);
            var isolation = TrainCommand.Isolation(out var isolationProblem);
            problem ??= isolationProblem;
            if (fresh is null || isolation is null)
            {
                await Console.Error.WriteLineAsync($"azr bench train: {problem}");
                return 2;
            }

            var config = parseResult.GetValue(flags.Steps) is null ? fresh.Value.Config with { Schedule = fresh.Value.Config.Schedule with { Steps = 3 } } : fresh.Value.Config;
            await using var pool = await SandboxExecutorFactory.StartAsync(SandboxOptions.FromSettings(config.Sandbox) with { Isolation = isolation.Value }, Console.Error.WriteLine, cancellationToken);
            var result = await TrainingBenchmark.RunAsync(config, fresh.Value.Preset, new TorchPolicyProvider(), pool, parseResult.GetValue(sandboxLoad), Console.Error.WriteLine, cancellationToken);
            Console.WriteLine(JsonSerializer.Serialize(result, parseResult.GetValue(json) ? AzrJson.Options : AzrJson.Indented));
            return result.IdenticalResults ? 0 : 1;
        });
        return command;
    }
}
