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

    public static async Task<T> WithAdministrationAsync<T>(Func<Web.Security.UserAdministration, Task<T>> action)
    {
        using var host = Web.Hosting.AdminHost.Build();
        await using var scope = host.Services.CreateAsyncScope();
        return await action(scope.ServiceProvider.GetRequiredService<Web.Security.UserAdministration>());
    }
}
