using System.CommandLine;
using AbsoluteZero.Cli.Commands.Users;

namespace AbsoluteZero.Cli.Commands;

/// <summary><c>azr users …</c>: accounts for the UI and API tokens for scripts. One file per subcommand under Users/.</summary>
public static class UsersCommand
{
    public static Command Create()
    {
        var users = new Command("users", "Manage users: add (with a password or an API token), reset-password.");
        users.Subcommands.Add(UsersAddCommand.Create());
        users.Subcommands.Add(UsersResetPasswordCommand.Create());
        return users;
    }
}
