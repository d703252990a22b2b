using System.Net;
using AbsoluteZero.Data.Runs;
using AbsoluteZero.Web.Live;
using AbsoluteZero.Web.Runs;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace AbsoluteZero.Web.Tests;

/// <summary>
/// Test double for the launcher (training does not exist yet): it works until cancelled, so a run stays running
/// long enough to cancel it and to publish steps. Everything around it — RunJob, the cancel flag, the hub — is real.
/// </summary>
public sealed class WaitForCancelLauncher : IRunLauncher
{
    public async Task<RunOutcome> RunAsync(Run run, CancellationToken cancellation)
    {
        await Task.Delay(Timeout.Infinite, cancellation);
        return RunOutcome.Succeeded;
    }
}

public sealed class CancellablePlatformFixture : PlatformFixture
{
    protected override void ConfigureServices(IServiceCollection services) =>
        services.Replace(ServiceDescriptor.Singleton<IRunLauncher, WaitForCancelLauncher>());
}

[CollectionDefinition(Name)]
public sealed class CancellableCollection : ICollectionFixture<CancellablePlatformFixture>
{
    public const string Name = "cancellable";
}

[Collection(CancellableCollection.Name)]
public sealed class CancellationTests(CancellablePlatformFixture platform)
{
    [Fact]
    public async Task Cancelling_a_running_run_requests_it_and_the_job_ends_it_cancelled()
    {
        using var client = platform.Client(platform.Researcher);
        var id = await StartRunningAsync(client);
        await using var hub = platform.Hub(platform.Viewer);
        var events = await HubEvents.SubscribeAsync<StatusEvent>(hub, RunsHub.StatusMessage, id);

        var response = await client.PostAsync($"/api/v1/runs/{id}/cancel", null);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var requested = await response.ReadJsonAsync();
        Assert.Equal("running", requested.GetProperty("status").GetString());
        Assert.True(requested.GetProperty("cancel_requested").GetBoolean());

        var run = await RunPolling.WaitForStatusAsync(client, id, "cancelled");
        Assert.Equal(StopReasons.Cancelled, run.GetProperty("stop_reason").GetString());
        Assert.Equal(platform.Researcher.Name, run.GetProperty("cancel_requested_by").GetString());

        var first = await HubEvents.NextAsync(events);
        Assert.True(first.CancelRequested);
        Assert.Equal(RunStatus.Running, first.Status);
        Assert.Equal(RunStatus.Cancelled, (await HubEvents.NextAsync(events)).Status);
    }

    [Fact]
    public async Task The_owner_publishes_steps_and_subscribers_receive_them()
    {
        using var client = platform.Client(platform.Researcher);
        var id = await StartRunningAsync(client);
        await using var watcher = platform.Hub(platform.Viewer);
        var steps = await HubEvents.SubscribeAsync<StepEvent>(watcher, RunsHub.StepMessage, id);

        await using var trainer = platform.Hub(platform.Researcher);
        await trainer.StartAsync();
        var wallTime = DateTimeOffset.UtcNow;
        await trainer.InvokeAsync("PublishStep", new StepEvent(id, 1, new Dictionary<string, double> { ["loss"] = 0.25, ["reward/mean"] = -0.5 }, wallTime));

        var step = await HubEvents.NextAsync(steps);
        Assert.Equal(id, step.RunId);
        Assert.Equal(1, step.Step);
        Assert.Equal(0.25, step.Metrics["loss"]);
        Assert.Equal(-0.5, step.Metrics["reward/mean"]);
        Assert.Equal(wallTime, step.WallTime);

        await client.PostAsync($"/api/v1/runs/{id}/cancel", null);
    }

    [Fact]
    public async Task Only_the_owner_or_an_admin_may_publish_and_only_while_the_run_runs()
    {
        using var client = platform.Client(platform.Researcher);
        var id = await StartRunningAsync(client);
        var step = new StepEvent(id, 1, new Dictionary<string, double> { ["loss"] = 1 }, DateTimeOffset.UtcNow);

        foreach (var outsider in new[] { platform.Viewer, platform.OtherResearcher })
        {
            await using var hub = platform.Hub(outsider);
            await hub.StartAsync();
            await Assert.ThrowsAsync<HubException>(() => hub.InvokeAsync("PublishStep", step));
        }

        await using (var admin = platform.Hub(platform.Admin))
        {
            await admin.StartAsync();
            await admin.InvokeAsync("PublishStep", step);
        }

        await client.PostAsync($"/api/v1/runs/{id}/cancel", null);
        await RunPolling.WaitForStatusAsync(client, id, "cancelled");
        await using var owner = platform.Hub(platform.Researcher);
        await owner.StartAsync();
        var error = await Assert.ThrowsAsync<HubException>(() => owner.InvokeAsync("PublishStep", step));
        Assert.Contains("not running", error.Message);
    }

    /// <summary>A tiny run, which the waiting launcher keeps running until it is cancelled.</summary>
    private static async Task<long> StartRunningAsync(HttpClient client)
    {
        var id = await RunPolling.CreateAsync(client, new { kind = "train", preset = "tiny" });
        await RunPolling.WaitForStatusAsync(client, id, "running");
        return id;
    }
}
