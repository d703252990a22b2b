using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace AbsoluteZero.Web.Hosting;

/// <summary>
/// What an embedding process (the tests) may change in a host: settings that win over appsettings.json and the
/// environment, applied before any service reads them, and a last word on the services.
/// </summary>
public sealed record HostCustomization(IReadOnlyDictionary<string, string?>? Settings = null, Action<IServiceCollection>? Services = null)
{
    public static void ApplySettings(HostCustomization? customization, IConfigurationManager configuration)
    {
        if (customization?.Settings is { } settings)
            configuration.AddInMemoryCollection(settings);
    }

    public static void ApplyServices(HostCustomization? customization, IServiceCollection services) =>
        customization?.Services?.Invoke(services);
}
