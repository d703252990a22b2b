using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Text.Json;
using AbsoluteZero.Testing;

namespace AbsoluteZero.Web.Tests.Training;

/// <summary>
/// The platform as an operator runs it: <c>azr migrate</c>, <c>azr users add</c> and <c>azr serve</c> as processes of
/// the built binary on an empty database of their own, so the training launcher finds the real <c>azr</c> the way it
/// does in production and every run trains in a real child process with the real sandbox and TorchSharp.
/// </summary>
public sealed class ServeProcessFixture : IAsyncLifetime
{
    private readonly PostgresDatabase _database = new();
    private readonly string _runs = Directory.CreateTempSubdirectory("azr-e2e-runs-").FullName;
    private int _port;

    public AzrProcess Serve { get; private set; } = null!;

    public Uri BaseAddress { get; private set; } = null!;

    public string ResearcherToken { get; private set; } = null!;

    public string ViewerToken { get; private set; } = null!;

    public PostgresDatabase Database => _database;

    public string RunsDirectory => _runs;

    /// <summary>What serve and workers are started with.</summary>
    public IReadOnlyDictionary<string, string> Environment => new Dictionary<string, string>
    {
        ["ConnectionStrings__Postgres"] = _database.ConnectionString,
        ["Platform__RunsDirectory"] = _runs,
        ["Platform__CancelPollInterval"] = "00:00:00.500",
        ["Platform__CancelGracePeriod"] = "00:00:30",
        // Evaluation runs read their benchmarks here (EvalRunEndToEndTests).
        ["Benchmarks__DataDir"] = RepositoryPaths.Benchmarks,
        ["Logging__LogLevel__Default"] = "Warning",
        ["Logging__LogLevel__Microsoft.Hosting.Lifetime"] = "Information",
        ["Logging__LogLevel__AbsoluteZero"] = "Information",
    };

    public async Task InitializeAsync()
    {
        await _database.InitializeAsync();
        var migrated = await AzrBinary.RunAsync(["migrate"], Environment);
        Assert.True(migrated.ExitCode == 0, migrated.Stderr);
        ResearcherToken = await AddUserAsync("rita", "researcher");
        ViewerToken = await AddUserAsync("vic", "viewer");
        _port = FreePort();
        await StartServeAsync();
    }

    /// <summary>Stops serve (SIGTERM) and starts it again on the same address, as a deploy or a crash-restart does.</summary>
    public async Task RestartServeAsync()
    {
        await Serve.DisposeAsync();
        await StartServeAsync();
    }

    /// <summary><c>azr worker --queues QUEUES</c> with <paramref name="options"/>, else <c>--workers 1</c>.</summary>
    public AzrProcess StartWorker(string queues, params string[] options) =>
        AzrProcess.Start(["worker", "--queues", queues, .. options.Length > 0 ? options : ["--workers", "1"]], Environment);

    public HttpClient Client(string token) => new()
    {
        BaseAddress = BaseAddress,
        Timeout = TimeSpan.FromSeconds(60),
        DefaultRequestHeaders = { Authorization = new AuthenticationHeaderValue("Bearer", token) },
    };

    public async Task DisposeAsync()
    {
        if (Serve is not null)
            await Serve.DisposeAsync();
        await _database.DisposeAsync();
        Directory.Delete(_runs, recursive: true);
    }

    private async Task StartServeAsync()
    {
        Serve = AzrProcess.Start(["serve", "--urls", $"http://127.0.0.1:{_port}"], Environment);
        BaseAddress = await Serve.ListeningAsync(TimeSpan.FromMinutes(2));
    }

    private async Task<string> AddUserAsync(string name, string role)
    {
        var added = await AzrBinary.RunAsync(["users", "add", name, "--role", role, "--token"], Environment);
        Assert.True(added.ExitCode == 0, added.Stderr);
        using var json = JsonDocument.Parse(added.Stdout);
        return json.RootElement.GetProperty("token").GetString()!;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

[CollectionDefinition(Name)]
public sealed class ServeProcessCollection : ICollectionFixture<ServeProcessFixture>
{
    public const string Name = "serve-process";
}
