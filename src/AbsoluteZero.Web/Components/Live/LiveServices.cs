using AbsoluteZero.Web.Live;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.DependencyInjection;

namespace AbsoluteZero.Web.Components.Live;

public static class LiveServices
{
    /// <summary>Lets Blazor pages receive the hub's run events in-process (<see cref="RunEventStream"/>).</summary>
    public static IServiceCollection AddUiRunEvents(this IServiceCollection services)
    {
        services.AddSingleton<RunEventStream>();
        // A closed registration wins over AddSignalR's open-generic DefaultHubLifetimeManager<>.
        services.AddSingleton<HubLifetimeManager<RunsHub>, ObservedRunsHubLifetimeManager>();
        return services;
    }
}
