using AbsoluteZero.Data.Identity;
using Microsoft.AspNetCore.Authorization;

namespace AbsoluteZero.Web.Security;

/// <summary>Authorization policies; who may do what is decided here and in <c>RunService</c> (ownership), nowhere else.</summary>
public static class AzrPolicies
{
    /// <summary>See runs, metrics, tasks; subscribe to live events. Every role.</summary>
    public const string Read = "read";

    /// <summary>Queue runs, cancel one's own, publish steps of one's own runs. Admins and researchers.</summary>
    public const string Submit = "submit";

    /// <summary>Everything, including the Hangfire dashboard and other people's runs.</summary>
    public const string Admin = "admin";

    public static void Add(AuthorizationOptions options)
    {
        options.AddPolicy(Read, p => p.RequireRole(AzrRoles.All));
        options.AddPolicy(Submit, p => p.RequireRole(AzrRoles.Admin, AzrRoles.Researcher));
        options.AddPolicy(Admin, p => p.RequireRole(AzrRoles.Admin));
    }
}
