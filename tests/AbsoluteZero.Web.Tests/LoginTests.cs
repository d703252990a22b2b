using System.Net;
using System.Text.RegularExpressions;

namespace AbsoluteZero.Web.Tests;

/// <summary>The UI's cookie login backed by ASP.NET Core Identity, and what it opens.</summary>
[Collection(PlatformCollection.Name)]
public sealed partial class LoginTests(PlatformFixture platform)
{
    [Fact]
    public async Task Pages_redirect_to_the_login_page_which_renders_a_form()
    {
        using var browser = Browser();
        var home = await browser.GetAsync("/");
        Assert.Equal(HttpStatusCode.Redirect, home.StatusCode);
        Assert.StartsWith("/account/login", home.Headers.Location!.AbsolutePath);

        var login = await browser.GetAsync("/account/login");
        Assert.Equal(HttpStatusCode.OK, login.StatusCode);
        var html = await login.Content.ReadAsStringAsync();
        Assert.Contains("action=\"/account/signin\"", html);
        Assert.Contains("name=\"password\"", html);
        Assert.Matches(AntiforgeryField(), html);
    }

    [Fact]
    public async Task Logging_in_opens_the_runs_page_and_the_api_with_the_cookie()
    {
        using var browser = Browser();
        var signIn = await SignInAsync(browser, platform.Researcher.Name, PlatformFixture.Password);
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        Assert.Equal("/", signIn.Headers.Location!.OriginalString);

        var runs = await browser.GetAsync("/");
        Assert.Equal(HttpStatusCode.OK, runs.StatusCode);
        var html = await runs.Content.ReadAsStringAsync();
        Assert.Contains("Runs", html);
        Assert.Contains("Evaluations", html);
        Assert.Contains("Workers", html);
        Assert.Contains(platform.Researcher.Name, html);

        var api = await browser.GetAsync("/api/v1/runs");
        Assert.Equal(HttpStatusCode.OK, api.StatusCode);
    }

    [Fact]
    public async Task A_wrong_password_goes_back_to_the_login_page_with_an_error()
    {
        using var browser = Browser();
        var signIn = await SignInAsync(browser, platform.Researcher.Name, "not the password");
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        Assert.Contains("error=invalid", signIn.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.Redirect, (await browser.GetAsync("/")).StatusCode);
    }

    [Fact]
    public async Task A_sign_in_without_the_antiforgery_token_is_refused()
    {
        using var browser = Browser();
        var response = await browser.PostAsync("/account/signin", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["username"] = platform.Researcher.Name,
            ["password"] = PlatformFixture.Password,
        }));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task The_hangfire_dashboard_is_for_admins_only()
    {
        using var anonymous = Browser();
        Assert.StartsWith("/account/login", (await anonymous.GetAsync("/hangfire")).Headers.Location!.AbsolutePath);

        using var researcher = Browser();
        await SignInAsync(researcher, platform.Researcher.Name, PlatformFixture.Password);
        var refused = await researcher.GetAsync("/hangfire");
        Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
        Assert.StartsWith("/account/denied", refused.Headers.Location!.AbsolutePath);

        using var admin = Browser();
        await SignInAsync(admin, platform.Admin.Name, PlatformFixture.Password);
        var dashboard = await admin.GetAsync("/hangfire");
        Assert.Equal(HttpStatusCode.OK, dashboard.StatusCode);
        Assert.Contains("AbsoluteZero jobs", await dashboard.Content.ReadAsStringAsync());
    }

    /// <summary>A client that keeps cookies and shows redirects instead of following them.</summary>
    private HttpClient Browser() =>
        new(new HttpClientHandler { AllowAutoRedirect = false, CookieContainer = new CookieContainer() }) { BaseAddress = platform.BaseAddress };

    private static async Task<HttpResponseMessage> SignInAsync(HttpClient browser, string user, string password)
    {
        var form = await (await browser.GetAsync("/account/login")).Content.ReadAsStringAsync();
        var token = AntiforgeryField().Match(form).Groups[1].Value;
        return await browser.PostAsync("/account/signin", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token,
            ["username"] = user,
            ["password"] = password,
            ["returnUrl"] = "/",
        }));
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryField();
}
