using AbsoluteZero.Web.Security;
using Npgsql;

namespace AbsoluteZero.Cli.Commands;

/// <summary>
/// Expected failures of the platform verbs (no connection string, database unreachable, user exists) become one line
/// on stderr and exit code 1, instead of a stack trace.
/// </summary>
public static class CommandFailures
{
    public static async Task<int> ReportAsync(string verb, Func<Task<int>> action)
    {
        try
        {
            return await action();
        }
        catch (Exception e) when (e is InvalidOperationException or UserAdministrationException or NpgsqlException or ArgumentException)
        {
            await Console.Error.WriteLineAsync($"azr {verb}: {Describe(e)}");
            return 1;
        }
    }

    private static string Describe(Exception e) =>
        e is NpgsqlException && e.InnerException is { } inner ? $"{e.Message} ({inner.Message})" : e.Message;
}
