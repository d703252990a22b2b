using System.Net;

namespace AbsoluteZero.Web.Tests;

[Collection(PlatformCollection.Name)]
public sealed class HealthAndOpenApiTests(PlatformFixture platform)
{
    [Fact]
    public async Task Health_reports_the_database_and_hangfire_storage_without_login()
    {
        using var client = platform.Client();
        var response = await client.GetAsync("/health");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var health = await response.ReadJsonAsync();
        Assert.Equal("healthy", health.GetProperty("status").GetString());
        Assert.Equal("healthy", health.GetProperty("checks").GetProperty("database").GetProperty("status").GetString());
        var hangfire = health.GetProperty("checks").GetProperty("hangfire");
        Assert.Equal("healthy", hangfire.GetProperty("status").GetString());
        Assert.Contains("server", hangfire.GetProperty("description").GetString());
    }

    [Fact]
    public async Task The_openapi_document_describes_the_runs_api_and_its_token_scheme()
    {
        using var client = platform.Client();
        var response = await client.GetAsync("/openapi/v1.json");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var document = await response.ReadJsonAsync();
        var paths = document.GetProperty("paths");
        foreach (var path in new[] { "/api/v1/runs", "/api/v1/runs/{id}", "/api/v1/runs/{id}/cancel", "/api/v1/runs/{id}/metrics", "/api/v1/runs/{id}/tasks" })
            Assert.True(paths.TryGetProperty(path, out _), $"missing {path}");
        var create = paths.GetProperty("/api/v1/runs").GetProperty("post");
        foreach (var status in new[] { "201", "400", "401", "403", "413" })
            Assert.True(create.GetProperty("responses").TryGetProperty(status, out _), $"POST /api/v1/runs should document {status}");
        var schemes = document.GetProperty("components").GetProperty("securitySchemes");
        Assert.Equal("bearer", schemes.GetProperty("bearer").GetProperty("scheme").GetString());
        // The request schema uses the API's snake_case names.
        var request = document.GetProperty("components").GetProperty("schemas").GetProperty("CreateRunRequest").GetProperty("properties");
        Assert.True(request.TryGetProperty("steps", out _));
        Assert.True(request.TryGetProperty("preset", out _));
    }

    [Fact]
    public async Task The_interactive_api_page_is_served()
    {
        using var client = platform.Client();
        var response = await client.GetAsync("/scalar/v1");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("openapi/v1.json", await response.Content.ReadAsStringAsync());
    }
}
