using System.Net;
using AbsoluteZero.Data;
using AbsoluteZero.Web.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AbsoluteZero.Web.Tests;

/// <summary>No or bad credentials get 401 problem+json on every API route; tokens are stored only hashed.</summary>
[Collection(PlatformCollection.Name)]
public sealed class AuthenticationTests(PlatformFixture platform)
{
    public static TheoryData<string, string> ApiRoutes => new()
    {
        { "GET", "/api/v1/runs" },
        { "POST", "/api/v1/runs" },
        { "GET", "/api/v1/runs/1" },
        { "POST", "/api/v1/runs/1/cancel" },
        { "GET", "/api/v1/runs/1/metrics" },
        { "GET", "/api/v1/runs/1/tasks" },
    };

    [Theory]
    [MemberData(nameof(ApiRoutes))]
    public async Task Without_a_token_every_route_answers_401_problem_json(string method, string path)
    {
        using var client = platform.Client();
        var response = await client.SendAsync(new HttpRequestMessage(new HttpMethod(method), path) { Content = method == "POST" ? Body() : null });
        await response.AssertProblemAsync(401);
        Assert.Equal("Bearer", response.Headers.WwwAuthenticate.Single().Scheme);
    }

    [Theory]
    [MemberData(nameof(ApiRoutes))]
    public async Task An_unknown_token_is_401_and_says_so(string method, string path)
    {
        using var client = platform.Client(new TestUser("nobody", "Viewer", "azr_not-a-real-token"));
        var response = await client.SendAsync(new HttpRequestMessage(new HttpMethod(method), path) { Content = method == "POST" ? Body() : null });
        var problem = await response.AssertProblemAsync(401);
        Assert.Contains("not valid", problem.GetProperty("detail").GetString());
        Assert.Contains("invalid_token", response.Headers.WwwAuthenticate.ToString());
    }

    [Fact]
    public async Task A_valid_token_authenticates_and_its_last_use_is_recorded()
    {
        using var client = platform.Client(platform.Viewer);
        var response = await client.GetAsync("/api/v1/runs");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);

        await using var scope = platform.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AzrDbContext>();
        var token = await db.ApiTokens.Include(t => t.User).SingleAsync(t => t.User!.UserName == platform.Viewer.Name);
        Assert.NotNull(token.LastUsedAt);
    }

    [Fact]
    public async Task Tokens_are_stored_only_as_their_sha256()
    {
        await using var scope = platform.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AzrDbContext>();
        var hashes = await db.ApiTokens.Select(t => t.TokenHash).ToListAsync();
        Assert.Contains(ApiTokens.Hash(platform.Researcher.Token), hashes);
        Assert.DoesNotContain(platform.Researcher.Token, hashes);
        Assert.Matches("^[0-9a-f]{64}$", ApiTokens.Hash(platform.Researcher.Token));
    }

    [Fact]
    public async Task The_hub_refuses_anonymous_connections()
    {
        await using var hub = platform.Hub(null);
        var error = await Assert.ThrowsAsync<HttpRequestException>(() => hub.StartAsync());
        Assert.Equal(HttpStatusCode.Unauthorized, error.StatusCode);
    }

    private static StringContent Body() => new("""{"kind":"train","preset":"tiny"}""", System.Text.Encoding.UTF8, "application/json");
}
