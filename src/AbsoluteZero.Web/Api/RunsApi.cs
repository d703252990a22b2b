using System.Security.Claims;
using AbsoluteZero.Web.Api.Contracts;
using AbsoluteZero.Web.Runs;
using AbsoluteZero.Web.Security;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace AbsoluteZero.Web.Api;

/// <summary><c>/api/v1/runs</c>: queue, list, read and cancel runs; read their metrics and tasks.</summary>
public static class RunsApi
{
    public static RouteGroupBuilder MapRunsApi(this IEndpointRouteBuilder app)
    {
        var runs = app.MapGroup("/api/v1/runs")
            .WithTags("Runs")
            .RequireAuthorization(AzrPolicies.Read)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden);

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
        runs.MapGet("/{id:long}/metrics", GetMetrics).ProducesProblem(StatusCodes.Status404NotFound).WithSummary("A run's metric series");
        runs.MapGet("/{id:long}/tasks", GetTasks).ProducesProblem(StatusCodes.Status404NotFound).WithSummary("A run's proposed tasks, paged");
        return runs;
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

    public static async Task<Results<Ok<MetricsResponse>, ProblemHttpResult>> GetMetrics(
        long id, [AsParameters] MetricsParameters parameters, RunQueries queries, CancellationToken ct)
    {
        if (await queries.FindAsync(id, ct) is null)
            return RunNotFound(id);
        var points = await queries.MetricsAsync(id, parameters.Name ?? [], parameters.AfterStep, ct);
        var series = points.GroupBy(p => p.Name)
            .Select(g => new MetricSeries(g.Key, g.Select(p => new MetricValue(p.Step, p.Value, p.WallTime)).ToList()))
            .ToList();
        return TypedResults.Ok(new MetricsResponse(id, series));
    }

    public static async Task<Results<Ok<Paged<TaskResponse>>, ValidationProblem, ProblemHttpResult>> GetTasks(
        long id, [AsParameters] TaskListParameters parameters, RunQueries queries, CancellationToken ct)
    {
        var errors = new FieldErrors();
        if (parameters.Validate(errors) is not { } valid)
            return TypedResults.ValidationProblem(errors.ToDictionary());
        if (await queries.FindAsync(id, ct) is null)
            return RunNotFound(id);
        var (tasks, total) = await queries.TasksAsync(id, valid.TaskType, parameters.Valid, parameters.AtStep, valid.Page, valid.PageSize, ct);
        return TypedResults.Ok(new Paged<TaskResponse>(tasks.Select(TaskResponse.From).ToList(), total, valid.Page, valid.PageSize));
    }

    private static ProblemHttpResult RunNotFound(long id) =>
        TypedResults.Problem($"Run {id} does not exist.", statusCode: StatusCodes.Status404NotFound);
}
