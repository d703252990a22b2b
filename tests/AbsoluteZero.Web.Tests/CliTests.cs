using System.Net;
using System.Text.Json;
using AbsoluteZero.Testing;

namespace AbsoluteZero.Web.Tests;

/// <summary>The built <c>azr</c> binary's platform verbs, run as processes against the fixture's database.</summary>
[Collection(PlatformCollection.Name)]
public sealed class CliTests(PlatformFixture platform)
{
    private Dictionary<string, string> Environment => new() { ["ConnectionStrings__Postgres"] = platform.ConnectionString };

    [Fact]
    public async Task Help_lists_the_platform_verbs()
    {
        var result = await AzrBinary.RunAsync(["--help"]);
        Assert.Equal(0, result.ExitCode);
        foreach (var verb in new[] { "serve", "worker", "migrate", "users" })
            Assert.Matches($@"(?m)^\s+{verb}\s", result.Stdout);
    }

    [Theory]
    [InlineData("0,0", "--gpus names a device twice: 0")]
    [InlineData("cuda:0", "--gpus must list device indices or GPU-/MIG- UUIDs")]
    [InlineData(",", "--gpus must list device indices or GPU-/MIG- UUIDs")]
    public async Task Worker_refuses_a_bad_gpu_list_before_starting(string gpus, string message)
    {
        var result = await AzrBinary.RunAsync(["worker", "--queues", "gpu", "--gpus", gpus], Environment);
        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains(message, result.Stderr);
    }

    [Fact]
    public async Task Users_add_with_token_prints_one_json_line_whose_token_works()
    {
        var result = await AzrBinary.RunAsync(["users", "add", "cli-viewer", "--role", "viewer", "--token"], Environment);
        Assert.Equal(0, result.ExitCode);
        var line = Assert.Single(result.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        using var json = JsonDocument.Parse(line);
        Assert.Equal(["user", "token"], json.RootElement.EnumerateObject().Select(p => p.Name));
        Assert.Equal("cli-viewer", json.RootElement.GetProperty("user").GetString());

        using var client = platform.Client(new TestUser("cli-viewer", "Viewer", json.RootElement.GetProperty("token").GetString()!));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/runs")).StatusCode);
        await (await client.PostJsonAsync("/api/v1/runs", RunPolling.Parked("cli"))).AssertProblemAsync(403);
    }

    [Fact]
    public async Task Users_add_without_token_prints_a_generated_password_that_logs_in()
    {
        var result = await AzrBinary.RunAsync(["users", "add", "cli-researcher", "--role", "researcher"], Environment);
        Assert.Equal(0, result.ExitCode);
        using var json = JsonDocument.Parse(result.Stdout);
        var password = json.RootElement.GetProperty("password").GetString()!;
        Assert.True(password.Length >= 12);

        var reset = await AzrBinary.RunAsync(["users", "reset-password", "cli-researcher", "--password-stdin"], Environment, stdin: "a chosen password\n");
        Assert.Equal(0, reset.ExitCode);
        Assert.Equal("""{"user":"cli-researcher"}""", reset.Stdout.Trim());
    }

    [Fact]
    public async Task Adding_an_existing_user_or_an_unknown_role_fails_clearly()
    {
        var existing = await AzrBinary.RunAsync(["users", "add", platform.Viewer.Name, "--role", "viewer", "--token"], Environment);
        Assert.Equal(1, existing.ExitCode);
        Assert.Contains("already exists", existing.Stderr);
        Assert.Equal("", existing.Stdout);

        var role = await AzrBinary.RunAsync(["users", "add", "someone", "--role", "wizard"], Environment);
        Assert.NotEqual(0, role.ExitCode);
        Assert.Contains("wizard", role.Stderr);
    }

    [Fact]
    public async Task Commands_without_a_connection_string_say_how_to_set_one()
    {
        var result = await AzrBinary.RunAsync(["migrate"], new Dictionary<string, string> { ["ConnectionStrings__Postgres"] = "" });
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("ConnectionStrings__Postgres", result.Stderr);
    }

    [Fact]
    public async Task Migrate_creates_a_missing_database_then_has_nothing_to_do()
    {
        var database = new PostgresDatabase();
        var environment = new Dictionary<string, string> { ["ConnectionStrings__Postgres"] = database.ConnectionString };
        try
        {
            var first = await AzrBinary.RunAsync(["migrate"], environment);
            Assert.Equal(0, first.ExitCode);
            Assert.NotEmpty(JsonDocument.Parse(first.Stdout).RootElement.GetProperty("applied").EnumerateArray());

            var second = await AzrBinary.RunAsync(["migrate"], environment);
            Assert.Equal(0, second.ExitCode);
            Assert.Equal("""{"applied":[]}""", second.Stdout.Trim());
        }
        finally
        {
            await database.DisposeAsync();
        }
    }

    [Fact]
    public async Task Users_add_on_an_empty_database_brings_the_schema_up_first()
    {
        var database = new PostgresDatabase();
        await database.InitializeAsync();
        try
        {
            var environment = new Dictionary<string, string> { ["ConnectionStrings__Postgres"] = database.ConnectionString };
            var result = await AzrBinary.RunAsync(["users", "add", "first", "--role", "admin", "--token"], environment);
            Assert.Equal(0, result.ExitCode);
            Assert.StartsWith("azr_", JsonDocument.Parse(result.Stdout).RootElement.GetProperty("token").GetString());
        }
        finally
        {
            await database.DisposeAsync();
        }
    }
}
