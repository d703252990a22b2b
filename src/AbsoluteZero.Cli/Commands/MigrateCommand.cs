using System.CommandLine;
using System.Text.Json;
using AbsoluteZero.Core.Json;
using AbsoluteZero.Web.Hosting;

namespace AbsoluteZero.Cli.Commands;

/// <summary><c>azr migrate</c>: brings the database up to date and prints <c>{"applied": [...]}</c>.</summary>
public static class MigrateCommand
{
    public static Command Create()
    {
        var command = new Command("migrate", "Create the database if needed and apply pending migrations (idempotent); prints {\"applied\": [...]}.");
        command.SetAction((_, ct) => CommandFailures.ReportAsync("migrate", async () =>
        {
            using var host = AdminHost.Build();
            var applied = await DatabaseMigrator.MigrateAsync(host.Services, ct);
            Console.Out.WriteLine(JsonSerializer.Serialize(new { Applied = applied }, AzrJson.Options));
            return 0;
        }));
        return command;
    }
}
