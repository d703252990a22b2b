using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace AbsoluteZero.Web.Hosting;

/// <summary>
/// The services behind <c>azr migrate</c> and <c>azr users</c>: the database, the user store and Hangfire's storage,
/// with no web server. Logs go to stderr so stdout carries only the command's JSON line.
/// </summary>
public static class AdminHost
{
    public static IHost Build(HostCustomization? customization = null)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { ContentRootPath = PlatformPaths.ContentRoot() });
        HostCustomization.ApplySettings(customization, builder.Configuration);
        builder.Logging.ClearProviders();
        builder.Logging.AddConsole(console => console.LogToStandardErrorThreshold = LogLevel.Trace);
        builder.Services.AddAzrDatabase(builder.Configuration).AddAzrUserStore().AddAzrRuns(builder.Configuration);
        HostCustomization.ApplyServices(customization, builder.Services);
        return builder.Build();
    }
}
