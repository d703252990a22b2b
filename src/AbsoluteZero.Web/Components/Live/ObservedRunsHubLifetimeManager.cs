using AbsoluteZero.Web.Live;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Logging;

namespace AbsoluteZero.Web.Components.Live;

/// <summary>
/// SignalR's default lifetime manager for <see cref="RunsHub"/>, which also hands every message sent to a run's
/// group to <see cref="RunEventStream"/>. Every producer (the hub's <c>PublishStep</c>, the status relay, anything
/// added later) sends through here, so the UI sees exactly what hub clients see, whoever sent it.
/// </summary>
public sealed class ObservedRunsHubLifetimeManager(RunEventStream stream, ILogger<DefaultHubLifetimeManager<RunsHub>> logger)
    : DefaultHubLifetimeManager<RunsHub>(logger)
{
    public override Task SendGroupAsync(string groupName, string methodName, object?[] args, CancellationToken cancellationToken = default)
    {
        if (args is [{ } message])
            stream.Publish(message);
        return base.SendGroupAsync(groupName, methodName, args, cancellationToken);
    }
}
