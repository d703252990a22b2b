using AbsoluteZero.Web.Api.Contracts;
using AbsoluteZero.Web.Evaluation;
using AbsoluteZero.Web.Runs;
using AbsoluteZero.Web.Security;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace AbsoluteZero.Web.Api;

/// <summary>
/// <c>GET /api/v1/leaderboard</c>: models × benchmarks, the paper's reported rows beside our measured ones (scores in
/// percent, measured cells with n and a 95% interval), with the paper's code, math and overall averages.
/// </summary>
public static class LeaderboardApi
{
    public static RouteHandlerBuilder MapLeaderboardApi(this IEndpointRouteBuilder app) =>
        app.MapGet("/api/v1/leaderboard", GetLeaderboard)
            .WithTags("Leaderboard")
            .RequireAuthorization(AzrPolicies.Read)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .WithSummary("Reported and measured scores by model and benchmark, with the paper's averages; filterable and sortable");

    public static async Task<Results<Ok<LeaderboardResponse>, ValidationProblem>> GetLeaderboard(
        [AsParameters] LeaderboardParameters parameters, LeaderboardService leaderboard, CancellationToken ct)
    {
        var errors = new FieldErrors();
        if (parameters.ToQuery(errors) is not { } query)
            return TypedResults.ValidationProblem(errors.ToDictionary());
        return TypedResults.Ok(LeaderboardResponse.From(await leaderboard.BuildAsync(query, ct)));
    }
}
