using System.CommandLine;
using AbsoluteZero.Web.Hosting;

namespace AbsoluteZero.Cli.Commands;

/// <summary><c>azr serve [--urls URL]</c>: applies migrations, then serves the UI, REST, the hub and a Hangfire server.</summary>
public static class ServeCommand
{
    public static Command Create()
    {
        var urls = new Option<string?>("--urls")
        {
            Description = "Where to listen, e.g. http://127.0.0.1:5000 (several separated by ';'). Default: the configured Urls, else http://localhost:5000.",
        };
        var command = new Command("serve", "Serve the web UI, REST API (/api/v1), SignalR hub and Hangfire dashboard; applies database migrations first.");
        command.Options.Add(urls);
        command.SetAction((parseResult, ct) => CommandFailures.ReportAsync("serve", async () =>
        {
            await using var app = ServeHost.Build(parseResult.GetValue(urls));
            await ServeHost.RunAsync(app, ct);
            return 0;
        }));
        return command;
    }
}
