using AbsoluteZero.Web.Security;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace AbsoluteZero.Web.Api;

/// <summary>What every REST resource group shares: its OpenAPI tag, read access for any signed-in role, and the 401/403 it can answer.</summary>
public static class ApiGroups
{
    public static RouteGroupBuilder MapReadableGroup(this IEndpointRouteBuilder app, string prefix, string tag) =>
        app.MapGroup(prefix)
            .WithTags(tag)
            .RequireAuthorization(AzrPolicies.Read)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden);
}
