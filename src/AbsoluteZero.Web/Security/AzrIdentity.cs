using System.Security.Cryptography;
using Microsoft.AspNetCore.Identity;

namespace AbsoluteZero.Web.Security;

/// <summary>Identity settings shared by the web host and the <c>azr users</c> commands, so a password one accepts the other does.</summary>
public static class AzrIdentity
{
    public const int MinimumPasswordLength = 12;

    /// <summary>Length over composition rules (NIST SP 800-63B): any 12+ characters.</summary>
    public static void Configure(IdentityOptions options)
    {
        options.Password.RequiredLength = MinimumPasswordLength;
        options.Password.RequireDigit = false;
        options.Password.RequireLowercase = false;
        options.Password.RequireUppercase = false;
        options.Password.RequireNonAlphanumeric = false;
        options.Password.RequiredUniqueChars = 1;
        options.User.RequireUniqueEmail = false;
        options.Lockout.MaxFailedAccessAttempts = 10;
    }

    /// <summary>A generated password: four groups of five characters without look-alikes (0/o, 1/l/i), ~98 bits.</summary>
    public static string GeneratePassword()
    {
        const string alphabet = "abcdefghjkmnpqrstuvwxyz23456789";
        var groups = Enumerable.Range(0, 4)
            .Select(_ => new string(Enumerable.Range(0, 5).Select(_ => alphabet[RandomNumberGenerator.GetInt32(alphabet.Length)]).ToArray()));
        return string.Join('-', groups);
    }
}
