using System.CommandLine;
using System.Text.RegularExpressions;
using AbsoluteZero.Web.Hosting;

namespace AbsoluteZero.Cli.Commands;

/// <summary><c>azr worker --queues q1,q2</c>: a Hangfire server only, taking run jobs from the named queues.</summary>
public static partial class WorkerCommand
{
    public static Command Create()
    {
        var queues = new Option<string>("--queues")
        {
            Description = "Comma-separated Hangfire queues to take jobs from, in priority order (e.g. gpu or gpu-80g,gpu).",
            Required = true,
        };
        // One by default: a training or evaluation child takes the whole GPU, so Hangfire's own default (5 × cores)
        // would start a dozen runs on one card and run them all out of memory.
        var workers = new Option<int?>("--workers")
        {
            Description = "Runs this host carries out at once (default 1: each run takes the host's GPU).",
            DefaultValueFactory = _ => 1,
        };
        queues.Validators.Add(result =>
        {
            var bad = Split(result.GetValueOrDefault<string>() ?? "").Where(q => !QueueName().IsMatch(q)).ToList();
            if (bad.Count > 0 || Split(result.GetValueOrDefault<string>() ?? "").Count == 0)
                result.AddError("--queues must list queue names of lower-case letters, digits, '-' or '_', separated by commas");
        });
        workers.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int?>() is < 1)
                result.AddError("--workers must be 1 or more");
        });

        var command = new Command("worker", "Run a Hangfire server only (for GPU hosts), on the same PostgreSQL as azr serve.");
        command.Options.Add(queues);
        command.Options.Add(workers);
        command.SetAction((parseResult, ct) => CommandFailures.ReportAsync("worker", async () =>
        {
            using var host = WorkerHost.Build(Split(parseResult.GetValue(queues)!), parseResult.GetValue(workers));
            await WorkerHost.RunAsync(host, ct);
            return 0;
        }));
        return command;
    }

    private static List<string> Split(string queues) =>
        queues.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).ToList();

    [GeneratedRegex("^[a-z0-9_-]{1,50}$")]
    private static partial Regex QueueName();
}
