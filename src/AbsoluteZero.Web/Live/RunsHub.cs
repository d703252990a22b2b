using AbsoluteZero.Data;
using AbsoluteZero.Data.Identity;
using AbsoluteZero.Data.Runs;
using AbsoluteZero.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.SignalR;
using Microsoft.EntityFrameworkCore;

namespace AbsoluteZero.Web.Live;

/// <summary>
/// <c>/hubs/runs</c>: clients <see cref="Subscribe"/> to runs and receive <c>step</c> (<see cref="StepEvent"/>) and
/// <c>status</c> (<see cref="StatusEvent"/>) messages; a trainer holding its owner's API token
/// <see cref="PublishStep"/>s. The contract is written down in docs/api.md.
/// </summary>
[Authorize(Policy = AzrPolicies.Read)]
public sealed class RunsHub(IDbContextFactory<AzrDbContext> dbs) : Hub
{
    public const string Path = "/hubs/runs";
    public const string StepMessage = "step";
    public const string StatusMessage = "status";

    /// <summary>Most metrics one step may carry.</summary>
    public const int MaxMetricsPerStep = 1000;

    public static string Group(long runId) => $"run:{runId}";

    public async Task Subscribe(long runId)
    {
        await using var db = await dbs.CreateDbContextAsync(Context.ConnectionAborted);
        if (!await db.Runs.AnyAsync(r => r.Id == runId, Context.ConnectionAborted))
            throw new HubException($"run {runId} does not exist");
        await Groups.AddToGroupAsync(Context.ConnectionId, Group(runId), Context.ConnectionAborted);
    }

    public Task Unsubscribe(long runId) => Groups.RemoveFromGroupAsync(Context.ConnectionId, Group(runId), Context.ConnectionAborted);

    /// <summary>
    /// Relays one step to the run's subscribers. Only the run's owner (or an admin) may publish, and only while the run
    /// is running. This is the live path only: the trainer writes the durable metrics to the <c>metrics</c> table itself.
    /// </summary>
    [Authorize(Policy = AzrPolicies.Submit)]
    public async Task PublishStep(StepEvent step)
    {
        if (step.Step < 0)
            throw new HubException("step must be 0 or more");
        if (step.Metrics is null || step.Metrics.Count > MaxMetricsPerStep)
            throw new HubException($"metrics must be an object of at most {MaxMetricsPerStep} numbers");

        await using var db = await dbs.CreateDbContextAsync(Context.ConnectionAborted);
        var run = await db.Runs.AsNoTracking()
            .Where(r => r.Id == step.RunId)
            .Select(r => new { r.Owner, r.Status })
            .FirstOrDefaultAsync(Context.ConnectionAborted)
            ?? throw new HubException($"run {step.RunId} does not exist");
        var user = Context.User!;
        if (run.Owner != user.Identity?.Name && !user.IsInRole(AzrRoles.Admin))
            throw new HubException($"only the owner of run {step.RunId} or an admin may publish its steps");
        if (run.Status != RunStatus.Running)
            throw new HubException($"run {step.RunId} is {run.Status.ToString().ToLowerInvariant()}, not running");

        await Clients.Group(Group(step.RunId)).SendAsync(StepMessage, step, Context.ConnectionAborted);
    }
}
