using System.CommandLine;
using AbsoluteZero.Cli.Commands.Watch;

namespace AbsoluteZero.Cli.Commands;

/// <summary>
/// <c>azr watch RUN --server URL --token T</c>: follows a run live over the hub and prints each training step as one
/// JSON line, <c>{"run_id", "step", "metrics", "wall_time"}</c>, on stdout; status notes go to stderr. It exits when
/// the run ends: 0 succeeded, 2 failed, 3 cancelled; 1 when it could not watch (server unreachable, token refused,
/// no such run). A run that already finished has its recorded steps printed and the same exit code.
/// </summary>
public static class WatchCommand
{
    public static Command Create()
    {
        var run = new Argument<long>("RUN") { Description = "The run's id." };
        var server = new Option<string>("--server")
        {
            Description = "The azr serve URL, e.g. http://127.0.0.1:5000.",
            Required = true,
        };
        var token = new Option<string>("--token")
        {
            Description = "An API token (azr users add NAME --role viewer --token).",
            Required = true,
        };
        server.Validators.Add(result =>
        {
            if (ServerUri(result.GetValueOrDefault<string>()) is null)
                result.AddError("--server must be an absolute http or https URL, e.g. http://127.0.0.1:5000");
        });

        var command = new Command("watch", "Follow a run: one JSON line per training step on stdout until the run ends (exit 0 succeeded, 2 failed, 3 cancelled).")
        {
            run, server, token,
        };
        command.SetAction(async (parseResult, ct) =>
        {
            await using var watcher = new RunWatcher(ServerUri(parseResult.GetValue(server))!, parseResult.GetValue(token)!, parseResult.GetValue(run), Console.Out, Console.Error);
            return await watcher.RunAsync(ct);
        });
        return command;
    }

    private static Uri? ServerUri(string? text) =>
        Uri.TryCreate(text, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" ? uri : null;
}
