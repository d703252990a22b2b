using AbsoluteZero.Data;
using AbsoluteZero.Data.Runs;
using AbsoluteZero.Web.Hosting;
using AbsoluteZero.Web.Live;
using AbsoluteZero.Web.Runs;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AbsoluteZero.Web.Tests;

/// <summary>The hub: per-run subscriptions and status events, whichever process changed the status.</summary>
[Collection(PlatformCollection.Name)]
public sealed class RunEventsTests(PlatformFixture platform)
{
    [Fact]
    public async Task A_subscriber_gets_the_status_event_when_a_queued_run_is_cancelled()
    {
        using var client = platform.Client(platform.Researcher);
        var id = await RunPolling.CreateAsync(client, RunPolling.Parked("events-cancel"));
        var other = await RunPolling.CreateAsync(client, RunPolling.Parked("events-cancel"));

        await using var hub = platform.Hub(platform.Viewer);
        var events = await HubEvents.SubscribeAsync<StatusEvent>(hub, RunsHub.StatusMessage, id);

        await client.PostAsync($"/api/v1/runs/{other}/cancel", null);
        await client.PostAsync($"/api/v1/runs/{id}/cancel", null);
        var status = await HubEvents.NextAsync(events);
        Assert.Equal(id, status.RunId);
        Assert.Equal(RunStatus.Cancelled, status.Status);
        Assert.Equal(StopReasons.Cancelled, status.StopReason);
    }

    [Fact]
    public async Task Unsubscribed_runs_send_nothing()
    {
        using var client = platform.Client(platform.Researcher);
        var id = await RunPolling.CreateAsync(client, RunPolling.Parked("events-unsubscribe"));
        await using var hub = platform.Hub(platform.Viewer);
        var events = await HubEvents.SubscribeAsync<StatusEvent>(hub, RunsHub.StatusMessage, id);
        await hub.InvokeAsync("Unsubscribe", id);

        await client.PostAsync($"/api/v1/runs/{id}/cancel", null);
        await RunPolling.WaitForStatusAsync(client, id, "cancelled");
        await Task.Delay(500);
        Assert.False(events.TryRead(out _));
    }

    [Fact]
    public async Task Subscribing_to_a_run_that_does_not_exist_is_an_error()
    {
        await using var hub = platform.Hub(platform.Viewer);
        await hub.StartAsync();
        var error = await Assert.ThrowsAsync<HubException>(() => hub.InvokeAsync("Subscribe", 987654L));
        Assert.Contains("987654", error.Message);
    }

    [Fact]
    public async Task A_worker_host_runs_jobs_of_its_queue_and_its_status_changes_reach_the_hub()
    {
        using var client = platform.Client(platform.Researcher);
        var id = await RunPolling.CreateAsync(client, new { kind = "train", preset = "tiny", queue = "worker-test" });
        await using var hub = platform.Hub(platform.Researcher);
        var events = await HubEvents.SubscribeAsync<StatusEvent>(hub, RunsHub.StatusMessage, id);
        Assert.Equal("queued", (await (await client.GetAsync($"/api/v1/runs/{id}")).ReadJsonAsync()).GetProperty("status").GetString());

        // azr worker --queues worker-test: a separate host with no hub; its changes travel through PostgreSQL.
        using var worker = WorkerHost.Build(["worker-test"], 1, customization: new HostCustomization(platform.Settings));
        await worker.StartAsync();
        try
        {
            Assert.Equal(RunStatus.Running, (await HubEvents.NextAsync(events)).Status);
            var failed = await HubEvents.NextAsync(events);
            Assert.Equal(RunStatus.Failed, failed.Status);
            // The worker runs in the test process, which is not azr: the launcher fails the run saying what is missing.
            Assert.Contains("Platform:TrainerBinary", failed.Error);
        }
        finally
        {
            await worker.StopAsync();
        }
    }

    [Fact]
    public async Task A_job_delivered_again_for_a_run_already_running_marks_it_worker_lost()
    {
        using var client = platform.Client(platform.Researcher);
        var id = await RunPolling.CreateAsync(client, RunPolling.Parked("worker-lost"));
        await using (var scope = platform.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AzrDbContext>();
            await db.Runs.Where(r => r.Id == id).ExecuteUpdateAsync(s => s.SetProperty(r => r.Status, RunStatus.Running));
            await scope.ServiceProvider.GetRequiredService<RunJob>().ExecuteAsync(id, CancellationToken.None);
        }

        var run = await (await client.GetAsync($"/api/v1/runs/{id}")).ReadJsonAsync();
        Assert.Equal("failed", run.GetProperty("status").GetString());
        Assert.Equal(StopReasons.WorkerLost, run.GetProperty("stop_reason").GetString());
    }

    [Fact]
    public async Task A_job_for_a_cancelled_run_does_nothing()
    {
        using var client = platform.Client(platform.Researcher);
        var id = await RunPolling.CreateAsync(client, RunPolling.Parked("job-after-cancel"));
        await client.PostAsync($"/api/v1/runs/{id}/cancel", null);
        await using (var scope = platform.Services.CreateAsyncScope())
            await scope.ServiceProvider.GetRequiredService<RunJob>().ExecuteAsync(id, CancellationToken.None);

        var run = await (await client.GetAsync($"/api/v1/runs/{id}")).ReadJsonAsync();
        Assert.Equal("cancelled", run.GetProperty("status").GetString());
        Assert.Equal(System.Text.Json.JsonValueKind.Null, run.GetProperty("started_at").ValueKind);
    }
}
