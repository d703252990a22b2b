using AbsoluteZero.Data.Identity;
using Hangfire.Dashboard;

namespace AbsoluteZero.Web.Security;

/// <summary>
/// The dashboard endpoint already requires the admin policy; this filter replaces Hangfire's default
/// (local requests only) with the same rule so the dashboard cannot be opened by anything that skips the policy.
/// </summary>
public sealed class HangfireAdminFilter : IDashboardAuthorizationFilter
{
    public bool Authorize(DashboardContext context) => context.GetHttpContext().User.IsInRole(AzrRoles.Admin);
}
