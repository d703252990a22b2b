using System.Text.Json.Serialization;
using AbsoluteZero.Core.Json;
using AbsoluteZero.Data;
using AbsoluteZero.Data.Identity;
using AbsoluteZero.Web.Account;
using AbsoluteZero.Web.Api;
using AbsoluteZero.Web.Components;
using AbsoluteZero.Web.Components.Live;
using AbsoluteZero.Web.Health;
using AbsoluteZero.Web.Live;
using AbsoluteZero.Web.Security;
using Hangfire;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using MudBlazor.Services;
using Scalar.AspNetCore;

namespace AbsoluteZero.Web.Hosting;

/// <summary>
/// <c>azr serve</c>: the UI (Blazor Server + MudBlazor), REST under <c>/api/v1</c>, the SignalR hub, the Hangfire
/// dashboard and a Hangfire server for the serve queues (<c>default</c>, <c>cpu</c>), over one PostgreSQL.
/// </summary>
public static class ServeHost
{
    public const string HangfirePath = "/hangfire";

    /// <param name="urls">Kestrel URLs (<c>--urls</c>); null keeps the configured ones.</param>
    /// <param name="customization">Settings and services the embedding process overrides (tests).</param>
    public static WebApplication Build(string? urls = null, HostCustomization? customization = null)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { ContentRootPath = PlatformPaths.ContentRoot() });
        HostCustomization.ApplySettings(customization, builder.Configuration);
        // Library assets (MudBlazor, blazor.web.js) are served from their build locations outside Development too.
        builder.WebHost.UseStaticWebAssets();
        if (urls is not null)
            builder.WebHost.UseUrls(urls);

        var services = builder.Services;
        var configuration = builder.Configuration;
        services.AddAzrDatabase(configuration).AddAzrRuns(configuration);
        var platform = configuration.GetSection(PlatformOptions.Section).Get<PlatformOptions>() ?? new PlatformOptions();
        services.AddHangfireServer(server =>
        {
            server.Queues = platform.ServeQueuesOrDefault;
            server.ServerName = $"{Environment.MachineName}:serve";
        });
        services.AddHostedService<RunEventRelay>();
        AddSecurity(services);
        AddApi(services);
        services.AddSignalR(hub => hub.MaximumReceiveMessageSize = platform.MaxRequestBodyBytes)
            .AddJsonProtocol(json => AzrJson.Configure(json.PayloadSerializerOptions));
        services.AddHealthChecks()
            .AddCheck<DatabaseHealthCheck>("database")
            .AddCheck<HangfireStorageHealthCheck>("hangfire");
        services.AddRazorComponents().AddInteractiveServerComponents();
        services.AddMudServices();
        services.AddUiRunEvents();
        services.AddCascadingAuthenticationState();

        HostCustomization.ApplyServices(customization, services);
        var app = builder.Build();
        UsePipeline(app);
        return app;
    }

    /// <summary>Applies migrations, then serves until shutdown (Ctrl-C, SIGTERM or <paramref name="ct"/>).</summary>
    public static async Task RunAsync(WebApplication app, CancellationToken ct)
    {
        await DatabaseMigrator.MigrateAsync(app.Services, ct);
        await app.StartAsync(ct);
        await app.WaitForShutdownAsync(ct);
    }

    private static void AddSecurity(IServiceCollection services)
    {
        services.AddIdentity<AzrUser, IdentityRole>(AzrIdentity.Configure).AddEntityFrameworkStores<AzrDbContext>();
        services.AddScoped<UserAdministration>();
        services.ConfigureApplicationCookie(cookie =>
        {
            cookie.Cookie.Name = "azr.auth";
            cookie.LoginPath = AccountEndpoints.LoginPath;
            cookie.AccessDeniedPath = "/account/denied";
            cookie.ExpireTimeSpan = TimeSpan.FromDays(14);
            cookie.SlidingExpiration = true;
            cookie.Events.OnRedirectToLogin = context =>
            {
                if (!AuthSchemes.IsApiRequest(context.Request))
                {
                    context.Response.Redirect(context.RedirectUri);
                    return Task.CompletedTask;
                }

                context.Response.Headers.WWWAuthenticate = "Bearer";
                return ApiProblems.WriteAsync(context.HttpContext, StatusCodes.Status401Unauthorized,
                    "Authentication is required: send Authorization: Bearer <token>.");
            };
            cookie.Events.OnRedirectToAccessDenied = context =>
            {
                if (!AuthSchemes.IsApiRequest(context.Request))
                {
                    context.Response.Redirect(context.RedirectUri);
                    return Task.CompletedTask;
                }

                return ApiProblems.WriteAsync(context.HttpContext, StatusCodes.Status403Forbidden, "Your role does not allow this.");
            };
        });
        services.AddAuthentication(options =>
            {
                options.DefaultScheme = AuthSchemes.TokenOrCookie;
                options.DefaultAuthenticateScheme = AuthSchemes.TokenOrCookie;
                options.DefaultChallengeScheme = AuthSchemes.TokenOrCookie;
                options.DefaultForbidScheme = AuthSchemes.TokenOrCookie;
            })
            .AddScheme<AuthenticationSchemeOptions, ApiTokenAuthenticationHandler>(AuthSchemes.Bearer, null)
            .AddPolicyScheme(AuthSchemes.TokenOrCookie, "API token or login cookie", policy => policy.ForwardDefaultSelector = AuthSchemes.Select);
        services.AddAuthorization(AzrPolicies.Add);
    }

    private static void AddApi(IServiceCollection services)
    {
        services.AddProblemDetails();
        services.AddExceptionHandler<BadRequestExceptionHandler>();
        // Binding failures throw, so BadRequestExceptionHandler can say what was wrong instead of an empty 400.
        services.Configure<Microsoft.AspNetCore.Routing.RouteHandlerOptions>(options => options.ThrowOnBadRequest = true);
        services.ConfigureHttpJsonOptions(options =>
        {
            AzrJson.Configure(options.SerializerOptions);
            // A misspelt field is an error, not a silently ignored one.
            options.SerializerOptions.UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow;
        });
        services.AddOpenApi(options => options.AddDocumentTransformer<OpenApiBearerScheme>());
    }

    private static void UsePipeline(WebApplication app)
    {
        app.UseExceptionHandler();
        app.UseWhen(context => AuthSchemes.IsApiRequest(context.Request), api => api.UseStatusCodePages());
        app.UseMiddleware<RequestBodyLimitMiddleware>();
        app.UseStaticFiles();
        app.UseRouting();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseAntiforgery();

        var staticAssets = Path.Combine(AppContext.BaseDirectory, $"{app.Environment.ApplicationName}.staticwebassets.endpoints.json");
        if (File.Exists(staticAssets))
            app.MapStaticAssets(staticAssets);

        app.MapOpenApi();
        app.MapScalarApiReference(scalar => scalar.WithTitle("AbsoluteZero.Web API"));
        app.MapHealthChecks("/health", new HealthCheckOptions { ResponseWriter = HealthResponse.WriteAsync });
        app.MapRunsApi();
        app.MapEvaluationsApi();
        app.MapLeaderboardApi();
        app.MapHub<RunsHub>(RunsHub.Path);
        app.MapHangfireDashboard(HangfirePath, new DashboardOptions
            {
                Authorization = [new HangfireAdminFilter()],
                DashboardTitle = "AbsoluteZero jobs",
                AppPath = "/",
            })
            .RequireAuthorization(AzrPolicies.Admin);
        app.MapAccountEndpoints();
        app.MapRazorComponents<App>().AddInteractiveServerRenderMode();
    }
}
