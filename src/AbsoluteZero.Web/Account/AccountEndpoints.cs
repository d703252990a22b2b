using AbsoluteZero.Data.Identity;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;

namespace AbsoluteZero.Web.Account;

/// <summary>
/// Form posts of the login page. Signing in sets a cookie, which needs a real HTTP response, so it happens here and
/// not inside an interactive Blazor circuit. Both forms carry an antiforgery token, checked automatically.
/// </summary>
public static class AccountEndpoints
{
    public const string LoginPath = "/account/login";
    public const string SignInPath = "/account/signin";
    public const string SignOutPath = "/account/signout";

    public static void MapAccountEndpoints(this IEndpointRouteBuilder app)
    {
        var account = app.MapGroup("/account").ExcludeFromDescription();
        account.MapPost("/signin", SignInAsync).AllowAnonymous();
        account.MapPost("/signout", SignOutAsync);
    }

    private static async Task<IResult> SignInAsync(
        [FromForm(Name = "username")] string? userName,
        [FromForm(Name = "password")] string? password,
        [FromForm(Name = "returnUrl")] string? returnUrl,
        SignInManager<AzrUser> signIn)
    {
        var target = SafeReturnUrl(returnUrl);
        if (string.IsNullOrEmpty(userName) || string.IsNullOrEmpty(password))
            return Back("missing", target);

        var result = await signIn.PasswordSignInAsync(userName, password, isPersistent: true, lockoutOnFailure: true);
        if (result.Succeeded)
            return TypedResults.LocalRedirect(target);
        return Back(result.IsLockedOut ? "locked" : "invalid", target);
    }

    private static async Task<IResult> SignOutAsync(SignInManager<AzrUser> signIn)
    {
        await signIn.SignOutAsync();
        return TypedResults.LocalRedirect(LoginPath);
    }

    private static IResult Back(string error, string returnUrl) =>
        TypedResults.LocalRedirect($"{LoginPath}?error={error}&returnUrl={Uri.EscapeDataString(returnUrl)}");

    /// <summary>Only local paths, so the login form cannot be used to bounce users to another site.</summary>
    private static string SafeReturnUrl(string? returnUrl) =>
        !string.IsNullOrEmpty(returnUrl) && returnUrl.StartsWith('/') && !returnUrl.StartsWith("//", StringComparison.Ordinal) && !returnUrl.StartsWith("/\\", StringComparison.Ordinal)
            ? returnUrl
            : "/";
}
