using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;

namespace AbsoluteZero.Web.Security;

public static class AuthSchemes
{
    /// <summary>API tokens: <c>Authorization: Bearer azr_…</c> (or <c>?access_token=</c> on the hub, where browsers cannot set headers).</summary>
    public const string Bearer = "Bearer";

    /// <summary>
    /// The default scheme: forwards to <see cref="Bearer"/> when the request carries a token, else to the Identity
    /// cookie, so one endpoint serves scripts and the UI and challenges the way its caller understands.
    /// </summary>
    public const string TokenOrCookie = "TokenOrCookie";

    public static string Select(HttpContext context) =>
        ApiTokenAuthenticationHandler.ReadToken(context.Request) is not null ? Bearer : IdentityConstants.ApplicationScheme;

    /// <summary>Requests from programs rather than pages: they get 401/403 problem+json, never a redirect to the login page.</summary>
    public static bool IsApiRequest(HttpRequest request) =>
        request.Path.StartsWithSegments("/api") || request.Path.StartsWithSegments("/hubs");
}
