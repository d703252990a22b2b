using System.Text.Encodings.Web;
using AbsoluteZero.Data;
using AbsoluteZero.Data.Identity;
using AbsoluteZero.Web.Api;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AbsoluteZero.Web.Security;

/// <summary>
/// Authenticates <c>Authorization: Bearer &lt;token&gt;</c> against the hashed <c>api_tokens</c>; the principal is the
/// token owner's, with the same role claims as their UI login.
/// </summary>
public sealed class ApiTokenAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    AzrDbContext db,
    IUserClaimsPrincipalFactory<AzrUser> principals,
    TimeProvider time)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    /// <summary>Last-used times are coarse on purpose: one write a minute per token, not one per request.</summary>
    private static readonly TimeSpan LastUsedResolution = TimeSpan.FromMinutes(1);

    public static string? ReadToken(HttpRequest request)
    {
        var header = request.Headers.Authorization.ToString();
        if (header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
            return header["Bearer ".Length..].Trim();
        if (request.Path.StartsWithSegments("/hubs") && request.Query["access_token"].ToString() is { Length: > 0 } queryToken)
            return queryToken;
        return null;
    }

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var token = ReadToken(Request);
        if (token is null)
            return AuthenticateResult.NoResult();

        var hash = ApiTokens.Hash(token);
        var row = await db.ApiTokens.AsNoTracking().Include(t => t.User).FirstOrDefaultAsync(t => t.TokenHash == hash, Context.RequestAborted);
        if (row?.User is null)
            return AuthenticateResult.Fail("the API token is not valid");

        var now = time.GetUtcNow();
        if (row.LastUsedAt is null || now - row.LastUsedAt > LastUsedResolution)
        {
            await db.ApiTokens.Where(t => t.Id == row.Id)
                .ExecuteUpdateAsync(s => s.SetProperty(t => t.LastUsedAt, now), Context.RequestAborted);
        }

        var principal = await principals.CreateAsync(row.User);
        return AuthenticateResult.Success(new AuthenticationTicket(principal, Scheme.Name));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        var failed = ReadToken(Request) is not null;
        Response.Headers.WWWAuthenticate = failed ? "Bearer error=\"invalid_token\"" : "Bearer";
        return ApiProblems.WriteAsync(Context, StatusCodes.Status401Unauthorized,
            failed ? "The API token is not valid." : "Authentication is required: send Authorization: Bearer <token>.");
    }

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties) =>
        ApiProblems.WriteAsync(Context, StatusCodes.Status403Forbidden, "Your role does not allow this.");
}
