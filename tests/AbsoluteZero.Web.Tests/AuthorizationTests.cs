using System.Net;

namespace AbsoluteZero.Web.Tests;

/// <summary>Roles: viewers read only; researchers queue runs and cancel their own; admins cancel anyone's.</summary>
[Collection(PlatformCollection.Name)]
public sealed class AuthorizationTests(PlatformFixture platform)
{
    [Fact]
    public async Task A_viewer_may_read_but_not_create_and_nothing_is_written()
    {
        using var viewer = platform.Client(platform.Viewer);
        Assert.Equal(HttpStatusCode.OK, (await viewer.GetAsync("/api/v1/runs")).StatusCode);

        var response = await viewer.PostJsonAsync("/api/v1/runs", RunPolling.Parked("viewer-create"));
        await response.AssertProblemAsync(403);
        var list = await (await viewer.GetAsync("/api/v1/runs?tag=viewer-create")).ReadJsonAsync();
        Assert.Equal(0, list.GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task A_viewer_may_not_cancel()
    {
        using var researcher = platform.Client(platform.Researcher);
        var id = await RunPolling.CreateAsync(researcher, RunPolling.Parked("viewer-cancel"));

        using var viewer = platform.Client(platform.Viewer);
        await (await viewer.PostAsync($"/api/v1/runs/{id}/cancel", null)).AssertProblemAsync(403);
        var run = await (await viewer.GetAsync($"/api/v1/runs/{id}")).ReadJsonAsync();
        Assert.Equal("queued", run.GetProperty("status").GetString());
    }

    [Fact]
    public async Task A_researcher_may_not_cancel_someone_elses_run()
    {
        using var owner = platform.Client(platform.Researcher);
        var id = await RunPolling.CreateAsync(owner, RunPolling.Parked("other-cancel"));

        using var other = platform.Client(platform.OtherResearcher);
        var problem = await (await other.PostAsync($"/api/v1/runs/{id}/cancel", null)).AssertProblemAsync(403);
        Assert.Contains(platform.Researcher.Name, problem.GetProperty("detail").GetString());
        var run = await (await owner.GetAsync($"/api/v1/runs/{id}")).ReadJsonAsync();
        Assert.Equal("queued", run.GetProperty("status").GetString());
        Assert.False(run.GetProperty("cancel_requested").GetBoolean());
    }

    [Fact]
    public async Task An_admin_may_cancel_anyones_run()
    {
        using var owner = platform.Client(platform.Researcher);
        var id = await RunPolling.CreateAsync(owner, RunPolling.Parked("admin-cancel"));

        using var admin = platform.Client(platform.Admin);
        var response = await admin.PostAsync($"/api/v1/runs/{id}/cancel", null);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var run = await response.ReadJsonAsync();
        Assert.Equal("cancelled", run.GetProperty("status").GetString());
        Assert.Equal(platform.Admin.Name, run.GetProperty("cancel_requested_by").GetString());
    }

    [Fact]
    public async Task An_admin_may_queue_runs()
    {
        using var admin = platform.Client(platform.Admin);
        var id = await RunPolling.CreateAsync(admin, RunPolling.Parked("admin-create"));
        var run = await (await admin.GetAsync($"/api/v1/runs/{id}")).ReadJsonAsync();
        Assert.Equal(platform.Admin.Name, run.GetProperty("owner").GetString());
    }
}
