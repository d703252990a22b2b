using System.CommandLine;

namespace AbsoluteZero.Cli.Commands.Users;

/// <summary>
/// <c>azr users reset-password NAME [--password-stdin]</c>: sets a new UI password (and lifts a lockout). Prints
/// <c>{"user": …, "password": …}</c> with the generated password, or <c>{"user": …}</c> when it came from stdin.
/// </summary>
public static class UsersResetPasswordCommand
{
    public static Command Create()
    {
        var name = new Argument<string>("NAME") { Description = "The user name." };
        var passwordStdin = new Option<bool>("--password-stdin")
        {
            Description = "Read the new password (at least 12 characters) from stdin instead of generating one.",
        };

        var command = new Command("reset-password", "Set a new UI password for a user; prints one JSON line with the generated password.");
        command.Arguments.Add(name);
        command.Options.Add(passwordStdin);
        command.SetAction((parseResult, ct) => CommandFailures.ReportAsync("users reset-password", async () =>
        {
            var user = parseResult.GetValue(name)!;
            var generated = await UserOutput.WithAdministrationAsync(users =>
                users.ResetPasswordAsync(user, UserOutput.ReadPassword(parseResult.GetValue(passwordStdin))), ct);
            UserOutput.WriteLine(generated is null ? new { User = user } : new { User = user, Password = generated });
            return 0;
        }));
        return command;
    }
}
