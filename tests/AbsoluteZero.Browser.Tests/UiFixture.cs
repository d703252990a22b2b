using AbsoluteZero.Testing;
using Microsoft.Playwright;

namespace AbsoluteZero.Browser.Tests;

/// <summary>
/// One real platform for all browser tests: a PostgreSQL database of its own, <c>azr serve</c> (which also runs the
/// cpu queue's worker, so tiny runs train), three users (admin, researcher, viewer) and Debian's chromium driven by
/// Playwright. Playwright's own browser download is not used: <see cref="ChromiumPath"/> is the system browser.
/// </summary>
public sealed class UiFixture : IAsyncLifetime
{
    /// <summary>Debian's chromium; <c>AZR_CHROMIUM</c> overrides.</summary>
    public static readonly string ChromiumPath = System.Environment.GetEnvironmentVariable("AZR_CHROMIUM") is { Length: > 0 } path ? path : "/usr/bin/chromium";

    public const string Password = "browser-test-password";

    private readonly PostgresDatabase database = new();

    // Run folders (checkpoints, trainer state) of this fixture's runs only: ids restart with every test database.
    private readonly string runsDirectory = Path.Combine(Path.GetTempPath(), $"azr-browser-runs-{Guid.NewGuid():N}");
    private ServeProcess? serve;
    private IPlaywright? playwright;

    public IBrowser Browser { get; private set; } = default!;

    public Uri Address => serve!.Address;

    public string ServerOutput => serve?.Output ?? "";

    public static readonly (string Name, string Role) Admin = ("ada", "admin");
    public static readonly (string Name, string Role) Researcher = ("rita", "researcher");
    public static readonly (string Name, string Role) Viewer = ("vic", "viewer");

    private Dictionary<string, string> ServerEnvironment => new()
    {
        ["ConnectionStrings__Postgres"] = database.ConnectionString,
        // Runs in the test start at once and report cancellation quickly.
        ["Platform__CancelPollInterval"] = "00:00:00.500",
        ["Platform__RunsDirectory"] = runsDirectory,
        // Evaluation runs read their benchmarks here (LeaderboardTests).
        ["Benchmarks__DataDir"] = RepositoryPaths.Benchmarks,
    };

    public async Task InitializeAsync()
    {
        if (!File.Exists(ChromiumPath))
            throw new InvalidOperationException($"No chromium at {ChromiumPath}: apt-get install chromium (.ci/run does), or set AZR_CHROMIUM.");
        await database.InitializeAsync();
        var migrate = await AzrBinary.RunAsync(["migrate"], ServerEnvironment);
        Assert.True(migrate.ExitCode == 0, migrate.Stderr);
        foreach (var (name, role) in new[] { Admin, Researcher, Viewer })
        {
            var added = await AzrBinary.RunAsync(["users", "add", name, "--role", role, "--password-stdin"], ServerEnvironment, stdin: Password + "\n");
            Assert.True(added.ExitCode == 0, added.Stderr);
        }

        serve = await ServeProcess.StartAsync(ServerEnvironment);
        playwright = await Playwright.CreateAsync();
        Browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"],
        });
    }

    /// <summary>A fresh browser context (its own cookies) logged in as <paramref name="user"/>, on the Runs page.</summary>
    public async Task<IPage> LogInAsync((string Name, string Role) user, int width = 1400, int height = 900)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = Address.ToString(),
            ViewportSize = new ViewportSize { Width = width, Height = height },
        });
        context.SetDefaultTimeout(20_000);
        var page = await context.NewPageAsync();
        await page.GotoAsync("/account/login");
        await page.FillAsync("#username", user.Name);
        await page.FillAsync("#password", Password);
        await page.ClickAsync("button[type=submit]");
        await page.WaitForURLAsync(url => !url.Contains("/account/login"));
        await WaitInteractiveAsync(page);
        return page;
    }

    /// <summary>
    /// Waits until the page is interactive: the prerendered HTML looks the same but drops what is typed into it, so
    /// tests wait for the marker the layout renders only once the circuit runs it.
    /// </summary>
    public static async Task WaitInteractiveAsync(IPage page) =>
        await page.Locator("#azr-interactive").WaitForAsync(new LocatorWaitForOptions { State = WaitForSelectorState.Attached });

    /// <summary>
    /// Picks a queue in the New-run form. Tests that only need a run to exist park it on <c>gpu</c>, which no worker of
    /// the test platform serves, so the cpu worker stays free for the one tiny run that trains.
    /// </summary>
    public static async Task SelectQueueAsync(IPage page, string queue)
    {
        await page.GetByLabel("Queue (GPU class)").ClickAsync();
        await page.Locator(".mud-popover-open .mud-list-item", new() { HasText = queue }).First.ClickAsync();
        await Assertions.Expect(page.GetByTestId("config-json")).ToContainTextAsync("\"steps\"");
    }

    /// <summary>The last lines the server printed, for a failure message.</summary>
    public string ServerTail(int lines = 40) => string.Join('\n', ServerOutput.Split('\n').TakeLast(lines));

    public async Task DisposeAsync()
    {
        if (Browser is not null)
            await Browser.DisposeAsync();
        playwright?.Dispose();
        if (serve is not null)
            await serve.DisposeAsync();
        await database.DisposeAsync();
        if (Directory.Exists(runsDirectory))
            Directory.Delete(runsDirectory, recursive: true);
    }
}

[CollectionDefinition(Name)]
public sealed class UiCollection : ICollectionFixture<UiFixture>
{
    public const string Name = "ui";
}
