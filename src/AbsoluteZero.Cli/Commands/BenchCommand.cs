using System.CommandLine;

namespace AbsoluteZero.Cli.Commands;

/// <summary>
/// <c>azr bench …</c>: speed measurements that print JSON and compare against a baseline measured in the same run.
/// Each subject (sandbox, model, train, eval) has its own file.
/// </summary>
public static class BenchCommand
{
    public static Command Create()
    {
        var bench = new Command("bench", "Measure speed; prints JSON with ratios against a baseline measured in the same run.");
        bench.Subcommands.Add(Bench.SandboxBenchCommand.Create());
        bench.Subcommands.Add(Bench.ModelBench.Create());
        bench.Subcommands.Add(Bench.TrainBench.Create());
        bench.Subcommands.Add(Bench.EvalBench.Create());
        return bench;
    }
}
