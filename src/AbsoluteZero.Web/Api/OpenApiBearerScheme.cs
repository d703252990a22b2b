using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace AbsoluteZero.Web.Api;

/// <summary>Declares the API-token scheme in the OpenAPI document so the interactive page can send a token.</summary>
public sealed class OpenApiBearerScheme : IOpenApiDocumentTransformer
{
    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken ct)
    {
        document.Info.Title = "AbsoluteZero.Web API";
        document.Info.Description = "Queue and follow Absolute Zero Reasoner training and evaluation runs. " +
            "Authenticate with `Authorization: Bearer <token>` (create one with `azr users add NAME --role researcher --token`).";
        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
        document.Components.SecuritySchemes["bearer"] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.Http,
            Scheme = "bearer",
            Description = "An API token from `azr users add … --token`.",
        };
        document.Security ??= [];
        document.Security.Add(new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference("bearer", document)] = [] });
        return Task.CompletedTask;
    }
}
