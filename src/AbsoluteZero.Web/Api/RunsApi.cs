using System.Security.Claims;
using AbsoluteZero.Web.Api.Contracts;
using AbsoluteZero.Web.Runs;
using AbsoluteZero.Web.Security;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace AbsoluteZero.Web.Api;

/// <summary><c>/api/v1/runs</c>: queue, list, read and cancel runs (what training records: <see cref="TrainingApi"/>).</summary>
public static class RunsApi
{
    public static RouteGroupBuilder MapRunsApi(this IEndpointRouteBuilder app)
    {
        var runs = app.MapReadableGroup("/api/v1/runs", "Runs");

        runs.MapPost("/", CreateRun)
            .RequireAuthorization(AzrPolicies.Submit)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .WithSummary("Queue a training or evaluation run");
        runs.MapGet("/", ListRuns).WithSummary("List runs, newest first");
        runs.MapGet("/{id:long}", GetRun).ProducesProblem(StatusCodes.Status404NotFound).WithSummary("One run");
        runs.MapPost("/{id:long}/cancel", CancelRun)
            .RequireAuthorization(AzrPolicies.Submit)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("Cancel a run: a queued run at once, a running one as soon as its job notices");
        return runs.MapTrainingApi();
    }

    public static async Task<Results<Created<RunResponse>, ValidationProblem>> CreateRun(
        CreateRunRequest request, ClaimsPrincipal user, RunService service, CancellationToken ct)
    {
        var creation = await service.CreateAsync(request, user, ct);
        if (creation.Run is not { } run)
            return TypedResults.ValidationProblem(creation.Errors!);
        return TypedResults.Created($"/api/v1/runs/{run.Id}", RunResponse.From(run));
    }

    public static async Task<Results<Ok<Paged<RunResponse>>, ValidationProblem>> ListRuns(
        [AsParameters] RunListParameters parameters, RunQueries queries, CancellationToken ct)
    {
        var errors = new FieldErrors();
        if (parameters.ToQuery(errors) is not { } query)
            return TypedResults.ValidationProblem(errors.ToDictionary());
        var (items, total) = await queries.ListAsync(query, ct);
        return TypedResults.Ok(new Paged<RunResponse>(items.Select(RunResponse.From).ToList(), total, query.Page, query.PageSize));
    }

    public static async Task<Results<Ok<RunResponse>, ProblemHttpResult>> GetRun(long id, RunQueries queries, CancellationToken ct) =>
        await queries.FindAsync(id, ct) is { } run ? TypedResults.Ok(RunResponse.From(run)) : RunNotFound(id);

    public static async Task<Results<Ok<RunResponse>, ProblemHttpResult>> CancelRun(
        long id, ClaimsPrincipal user, RunService service, CancellationToken ct)
    {
        var result = await service.CancelAsync(id, user, ct);
        return result.Outcome switch
        {
            CancelOutcome.NotFound => RunNotFound(id),
            CancelOutcome.Forbidden => TypedResults.Problem(
                $"Run {id} belongs to {result.Run!.Owner}; only its owner or an admin may cancel it.", statusCode: StatusCodes.Status403Forbidden),
            CancelOutcome.AlreadyFinished => TypedResults.Problem(
                $"Run {id} already finished ({result.Run!.Status.ToString().ToLowerInvariant()}); there is nothing to cancel.", statusCode: StatusCodes.Status409Conflict),
            _ => TypedResults.Ok(RunResponse.From(result.Run!)),
        };
    }

    private static ProblemHttpResult RunNotFound(long id) =>
        TypedResults.Problem($"Run {id} does not exist.", statusCode: StatusCodes.Status404NotFound);
}
