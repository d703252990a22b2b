using System.CommandLine;
using System.Text.RegularExpressions;
using AbsoluteZero.Web.Hosting;

namespace AbsoluteZero.Cli.Commands;

/// <summary><c>azr worker --queues q1,q2 [--gpus 0,1] [--workers N]</c>: a Hangfire server only, taking run jobs from the named queues.</summary>
public static partial class WorkerCommand
{
    public static Command Create()
    {
        var queues = new Option<string>("--queues")
        {
            Description = "Comma-separated Hangfire queues to take jobs from, in priority order (e.g. gpu or gpu-80g,gpu).",
            Required = true,
        };
        // One run per GPU by default: a training or evaluation child takes a whole card, so Hangfire's own default
        // (5 × cores) would start a dozen runs on one card and run them all out of memory.
        var workers = new Option<int?>("--workers")
        {
            Description = "Runs this host carries out at once (default: one per --gpus entry, else 1).",
        };
        var gpus = new Option<string?>("--gpus")
        {
            Description = "This host's GPUs as CUDA_VISIBLE_DEVICES names them (e.g. 0,1,2,3 or GPU-<uuid>,…); each run gets one of its own.",
        };
        queues.Validators.Add(result =>
        {
            var bad = Split(result.GetValueOrDefault<string>() ?? "").Where(q => !QueueName().IsMatch(q)).ToList();
            if (bad.Count > 0 || Split(result.GetValueOrDefault<string>() ?? "").Count == 0)
                result.AddError("--queues must list queue names of lower-case letters, digits, '-' or '_', separated by commas");
        });
        gpus.Validators.Add(result =>
        {
            var devices = Split(result.GetValueOrDefault<string?>() ?? "");
            if (devices.Count == 0 || devices.Any(d => !DeviceName().IsMatch(d)))
                result.AddError("--gpus must list device indices or GPU-/MIG- UUIDs separated by commas, e.g. 0,1,2,3");
            else if (devices.Distinct().Count() != devices.Count)
                result.AddError($"--gpus names a device twice: {string.Join(",", devices.GroupBy(d => d).Where(g => g.Count() > 1).Select(g => g.Key))}");
        });
        workers.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int?>() is < 1)
                result.AddError("--workers must be 1 or more");
        });

        var command = new Command("worker", "Run a Hangfire server only (for GPU hosts), on the same PostgreSQL as azr serve.");
        command.Options.Add(queues);
        command.Options.Add(workers);
        command.Options.Add(gpus);
        command.SetAction((parseResult, ct) => CommandFailures.ReportAsync("worker", async () =>
        {
            var devices = Split(parseResult.GetValue(gpus) ?? "");
            var count = parseResult.GetValue(workers) ?? Math.Max(1, devices.Count);
            using var host = WorkerHost.Build(Split(parseResult.GetValue(queues)!), count, devices);
            await WorkerHost.RunAsync(host, ct);
            return 0;
        }));
        return command;
    }

    private static List<string> Split(string queues) =>
        queues.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).ToList();

    [GeneratedRegex("^[a-z0-9_-]{1,50}$")]
    private static partial Regex QueueName();

    [GeneratedRegex("^([0-9]{1,3}|(GPU|MIG)-[A-Za-z0-9/-]{1,80})$")]
    private static partial Regex DeviceName();
}
