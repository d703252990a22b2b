using System.CommandLine;

namespace AbsoluteZero.Cli.Commands.Users;

/// <summary>
/// <c>azr users add NAME --role admin|researcher|viewer [--token] [--password-stdin]</c>. Prints one JSON line:
/// <c>{"user": …, "token": …}</c> with <c>--token</c>, else <c>{"user": …, "password": …}</c> with a generated
/// password (no password field when it came from stdin). Secrets are shown once and stored hashed.
/// </summary>
public static class UsersAddCommand
{
    public static Command Create()
    {
        var name = new Argument<string>("NAME") { Description = "The user name (letters, digits and - . _ @ +)." };
        var role = new Option<string>("--role")
        {
            Description = "admin (everything), researcher (queue runs, cancel own), viewer (read only).",
            Required = true,
        };
        role.AcceptOnlyFromAmong("admin", "researcher", "viewer");
        var token = new Option<bool>("--token")
        {
            Description = "Issue an API token and print {\"user\", \"token\"}. No UI password is set unless --password-stdin is given.",
        };
        var passwordStdin = new Option<bool>("--password-stdin")
        {
            Description = "Read the UI password (at least 12 characters) from stdin instead of generating one.",
        };

        var command = new Command("add", "Add a user with one role; prints one JSON line with the generated password or API token.");
        command.Arguments.Add(name);
        command.Options.Add(role);
        command.Options.Add(token);
        command.Options.Add(passwordStdin);
        command.SetAction((parseResult, ct) => CommandFailures.ReportAsync("users add", async () =>
        {
            var password = UserOutput.ReadPassword(parseResult.GetValue(passwordStdin));
            var withToken = parseResult.GetValue(token);
            var created = await UserOutput.WithAdministrationAsync(users =>
                users.AddAsync(parseResult.GetValue(name)!, parseResult.GetValue(role)!, withToken, password, ct), ct);
            if (withToken)
                UserOutput.WriteLine(new { created.User, created.Token });
            else if (created.Password is not null)
                UserOutput.WriteLine(new { created.User, created.Password });
            else
                UserOutput.WriteLine(new { created.User });
            return 0;
        }));
        return command;
    }
}
