using System.Text.Json;
using AbsoluteZero.Core.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace AbsoluteZero.Cli.Commands.Users;

/// <summary>What the users subcommands share: one JSON line on stdout, the password from stdin, the admin services.</summary>
internal static class UserOutput
{
    public static void WriteLine(object value) => Console.Out.WriteLine(JsonSerializer.Serialize(value, AzrJson.Options));

    /// <summary>The whole of stdin minus the final line break, so `echo pw | azr users …` works.</summary>
    public static string? ReadPassword(bool fromStdin) => fromStdin ? Console.In.ReadToEnd().TrimEnd('\r', '\n') : null;

    /// <summary>
    /// Brings the schema up to date first (idempotent, as <c>azr migrate</c>), so adding the first user to an empty
    /// database works whether or not <c>azr serve</c> has run yet.
    /// </summary>
    public static async Task<T> WithAdministrationAsync<T>(Func<Web.Security.UserAdministration, Task<T>> action, CancellationToken ct)
    {
        using var host = Web.Hosting.AdminHost.Build();
        await Web.Hosting.DatabaseMigrator.MigrateAsync(host.Services, ct);
        await using var scope = host.Services.CreateAsyncScope();
        return await action(scope.ServiceProvider.GetRequiredService<Web.Security.UserAdministration>());
    }
}
