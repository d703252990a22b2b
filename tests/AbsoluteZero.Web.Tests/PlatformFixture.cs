using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using AbsoluteZero.Core.Json;
using AbsoluteZero.Data.Identity;
using AbsoluteZero.Testing;
using AbsoluteZero.Web.Hosting;
using AbsoluteZero.Web.Live;
using AbsoluteZero.Web.Security;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;

namespace AbsoluteZero.Web.Tests;

/// <summary>
/// <c>azr serve</c> as the binary builds it (<see cref="ServeHost"/>), on its own empty PostgreSQL database and a free
/// loopback port, with four users: an admin, two researchers and a viewer, each with an API token and a password.
/// </summary>
public class PlatformFixture : IAsyncLifetime
{
    public const string Password = "correct horse battery staple";

    private readonly PostgresDatabase database = new();
    private WebApplication? app;

    public string ConnectionString => database.ConnectionString;

    public PostgresDatabase Database => database;

    public Uri BaseAddress { get; private set; } = null!;

    public IServiceProvider Services => app!.Services;

    public TestUser Admin { get; private set; } = null!;
    public TestUser Researcher { get; private set; } = null!;
    public TestUser OtherResearcher { get; private set; } = null!;
    public TestUser Viewer { get; private set; } = null!;

    /// <summary>Settings every test host shares: this database, fast cancel polling.</summary>
    public IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["ConnectionStrings:Postgres"] = database.ConnectionString,
        ["Platform:CancelPollInterval"] = "00:00:00.200",
        ["Logging:LogLevel:Default"] = "Warning",
    };

    /// <summary>Lets a derived fixture swap services (the run launcher) before the host is built.</summary>
    protected virtual void ConfigureServices(IServiceCollection services)
    {
    }

    public async Task InitializeAsync()
    {
        await database.InitializeAsync();
        app = ServeHost.Build("http://127.0.0.1:0", new HostCustomization(Settings, ConfigureServices));
        await DatabaseMigrator.MigrateAsync(app.Services, CancellationToken.None);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        BaseAddress = new Uri(address);

        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserAdministration>();
        Admin = await AddAsync(users, "ada", AzrRoles.Admin);
        Researcher = await AddAsync(users, "rita", AzrRoles.Researcher);
        OtherResearcher = await AddAsync(users, "rob", AzrRoles.Researcher);
        Viewer = await AddAsync(users, "vic", AzrRoles.Viewer);
    }

    public async Task DisposeAsync()
    {
        if (app is not null)
        {
            await app.StopAsync();
            await app.DisposeAsync();
        }

        await database.DisposeAsync();
    }

    /// <summary>An HTTP client for the host, authenticated with the user's API token (anonymous when null).</summary>
    public HttpClient Client(TestUser? user = null)
    {
        var client = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(60) };
        if (user is not null)
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", user.Token);
        return client;
    }

    /// <summary>A hub connection authenticated with the user's token, speaking the project's snake_case JSON.</summary>
    public HubConnection Hub(TestUser? user) =>
        new HubConnectionBuilder()
            .WithUrl(new Uri(BaseAddress, RunsHub.Path), options =>
            {
                if (user is not null)
                    options.AccessTokenProvider = () => Task.FromResult<string?>(user.Token);
            })
            .AddJsonProtocol(json => AzrJson.Configure(json.PayloadSerializerOptions))
            .Build();

    private static async Task<TestUser> AddAsync(UserAdministration users, string name, string role)
    {
        var created = await users.AddAsync(name, role, withToken: true, password: Password);
        return new TestUser(name, role, created.Token!);
    }
}

public sealed record TestUser(string Name, string Role, string Token);

[CollectionDefinition(Name)]
public sealed class PlatformCollection : ICollectionFixture<PlatformFixture>
{
    public const string Name = "platform";
}

/// <summary>JSON helpers in the API's own convention.</summary>
public static class Api
{
    public static JsonSerializerOptions Json => AzrJson.Options;

    public static Task<HttpResponseMessage> PostJsonAsync(this HttpClient client, string path, object body) =>
        client.PostAsJsonAsync(path, body, Json);

    public static async Task<JsonElement> ReadJsonAsync(this HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        using var document = JsonDocument.Parse(text);
        return document.RootElement.Clone();
    }

    /// <summary>Asserts a problem+json answer with the status, and returns it.</summary>
    public static async Task<JsonElement> AssertProblemAsync(this HttpResponseMessage response, int status)
    {
        Assert.Equal(status, (int)response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.ReadJsonAsync();
        Assert.Equal(status, problem.GetProperty("status").GetInt32());
        Assert.False(string.IsNullOrEmpty(problem.GetProperty("title").GetString()));
        return problem;
    }

    /// <summary>Asserts a 400 validation problem whose errors name <paramref name="field"/>; returns that field's messages.</summary>
    public static async Task<string[]> AssertFieldErrorAsync(this HttpResponseMessage response, string field)
    {
        var problem = await response.AssertProblemAsync(400);
        var errors = problem.GetProperty("errors");
        Assert.True(errors.TryGetProperty(field, out var messages), $"errors should name '{field}': {errors}");
        return messages.EnumerateArray().Select(m => m.GetString()!).ToArray();
    }
}
