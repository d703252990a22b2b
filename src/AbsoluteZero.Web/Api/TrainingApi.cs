using System.Security.Claims;
using System.Text.Json;
using AbsoluteZero.Core.Configuration;
using AbsoluteZero.Core.Json;
using AbsoluteZero.Web.Api.Contracts;
using AbsoluteZero.Web.Runs;
using AbsoluteZero.Web.Security;
using AbsoluteZero.Web.Training;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;

namespace AbsoluteZero.Web.Api;

/// <summary>
/// What training runs record and what can follow them, under <c>/api/v1/runs/{id}</c>: metrics (raw or bucketed),
/// tasks, failure reasons, checkpoints, the log, buffer snapshots, resume and fork. The contract is in docs/api.md.
/// </summary>
public static class TrainingApi
{
    public const string JsonLines = "application/jsonl";

    public static RouteGroupBuilder MapTrainingApi(this RouteGroupBuilder runs)
    {
        runs.MapGet("/{id:long}/metrics", GetMetrics)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("A run's metric series: raw points, or down-sampled into buckets (min, max, last)");
        runs.MapGet("/{id:long}/tasks", GetTasks).ProducesProblem(StatusCodes.Status404NotFound).WithSummary("A run's proposed and seed tasks, filtered and paged");
        runs.MapGet("/{id:long}/tasks/{taskId:long}", GetTask).ProducesProblem(StatusCodes.Status404NotFound).WithSummary("One task of a run");
        runs.MapGet("/{id:long}/failure_reasons", GetFailureReasons)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("Why a run's proposals were rejected, most frequent reason first");
        runs.MapGet("/{id:long}/checkpoints", GetCheckpoints).ProducesProblem(StatusCodes.Status404NotFound).WithSummary("A run's checkpoints");
        runs.MapGet("/{id:long}/logs", GetLog).ProducesProblem(StatusCodes.Status404NotFound).WithSummary("A run's log lines after after_id");
        runs.MapGet("/{id:long}/buffers", GetBuffers)
            .Produces(StatusCodes.Status200OK, contentType: JsonLines)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("The task buffers as they were after a step, as JSONL in the reference's seed format");
        runs.MapPost("/{id:long}/resume", ResumeRun)
            .RequireAuthorization(AzrPolicies.Submit)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("Queue a failed or cancelled training run again; it continues from its last checkpoint");
        runs.MapPost("/{id:long}/fork", ForkRun)
            .RequireAuthorization(AzrPolicies.Submit)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .WithSummary("Queue a new training run from this one's config with overrides, optionally from a checkpoint and its buffers");
        return runs;
    }

    public static async Task<Results<Ok<MetricsResponse>, ValidationProblem, ProblemHttpResult>> GetMetrics(
        long id, [AsParameters] MetricsParameters parameters, RunQueries runs, MetricQueries metrics, CancellationToken ct)
    {
        var errors = new FieldErrors();
        if (!parameters.Validate(errors))
            return TypedResults.ValidationProblem(errors.ToDictionary());
        if (await runs.FindAsync(id, ct) is null)
            return RunNotFound(id);

        var names = parameters.AllNames();
        if (parameters.Buckets is { } buckets)
        {
            var bucketed = await metrics.BucketsAsync(id, names, parameters.From, parameters.To, buckets, ct);
            return TypedResults.Ok(new MetricsResponse(id, bucketed
                .Select(s => new MetricSeries(s.Name, s.Buckets.Select(b => new MetricValue(b.ToStep, b.Last, b.LastWallTime)).ToList(), s.Buckets))
                .ToList()));
        }

        var points = await metrics.PointsAsync(id, names, parameters.AfterStep, parameters.From, parameters.To, ct);
        return TypedResults.Ok(new MetricsResponse(id, points.GroupBy(p => p.Name)
            .Select(g => new MetricSeries(g.Key, g.Select(p => new MetricValue(p.Step, p.Value, p.WallTime)).ToList()))
            .ToList()));
    }

    public static async Task<Results<Ok<Paged<TaskResponse>>, ValidationProblem, ProblemHttpResult>> GetTasks(
        long id, [AsParameters] TaskListParameters parameters, RunQueries runs, TaskBrowser browser, CancellationToken ct)
    {
        var errors = new FieldErrors();
        if (parameters.ToFilter(errors) is not { } filter)
            return TypedResults.ValidationProblem(errors.ToDictionary());
        if (await runs.FindAsync(id, ct) is null)
            return RunNotFound(id);
        var (tasks, total) = await browser.SearchAsync(id, filter, ct);
        return TypedResults.Ok(new Paged<TaskResponse>(tasks.Select(TaskResponse.From).ToList(), total, filter.Page, filter.PageSize));
    }

    public static async Task<Results<Ok<TaskResponse>, ProblemHttpResult>> GetTask(long id, long taskId, TaskBrowser browser, CancellationToken ct) =>
        await browser.FindAsync(id, taskId, ct) is { } task
            ? TypedResults.Ok(TaskResponse.From(task))
            : TypedResults.Problem($"Run {id} has no task {taskId}.", statusCode: StatusCodes.Status404NotFound);

    public static async Task<Results<Ok<IReadOnlyList<FailureReasonCount>>, ProblemHttpResult>> GetFailureReasons(
        long id, RunQueries runs, TaskBrowser browser, CancellationToken ct)
    {
        if (await runs.FindAsync(id, ct) is null)
            return RunNotFound(id);
        return TypedResults.Ok(await browser.FailureReasonsAsync(id, ct));
    }

    public static async Task<Results<Ok<CheckpointsResponse>, ProblemHttpResult>> GetCheckpoints(
        long id, RunQueries runs, CheckpointQueries checkpoints, CancellationToken ct)
    {
        if (await runs.FindAsync(id, ct) is null)
            return RunNotFound(id);
        var list = await checkpoints.ListAsync(id, ct);
        return TypedResults.Ok(new CheckpointsResponse(id, list.Select(CheckpointResponse.From).ToList()));
    }

    /// <param name="afterId">Only lines after this id (the last one read).</param>
    /// <param name="limit">Most lines to return, 1–5000 (default 1000).</param>
    public static async Task<Results<Ok<RunLogResponse>, ProblemHttpResult>> GetLog(
        long id, [FromQuery(Name = "after_id")] long? afterId, [FromQuery(Name = "limit")] int? limit,
        RunQueries runs, CheckpointQueries checkpoints, CancellationToken ct)
    {
        if (await runs.FindAsync(id, ct) is null)
            return RunNotFound(id);
        var lines = await checkpoints.LogAsync(id, afterId, limit ?? 1000, ct);
        return TypedResults.Ok(new RunLogResponse(id, lines.Select(RunLogLineResponse.From).ToList()));
    }

    public static async Task<Results<PushStreamHttpResult, ValidationProblem, ProblemHttpResult>> GetBuffers(
        long id, [AsParameters] BufferParameters parameters, RunQueries runs, BufferSnapshots snapshots, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var (type, ok) = parameters.Validate(errors);
        if (!ok)
            return TypedResults.ValidationProblem(errors.ToDictionary());
        if (await runs.FindAsync(id, ct) is not { } run)
            return RunNotFound(id);
        if (run.Kind != Data.Runs.RunKind.Train)
            return TypedResults.Problem($"Run {id} is an evaluation; it has no task buffers.", statusCode: StatusCodes.Status404NotFound);

        var settings = JsonSerializer.Deserialize<RunConfig>(run.Config, AzrJson.Options)!.SelfPlay;
        var step = parameters.Step ?? run.CurrentStep;
        return TypedResults.Stream(output => snapshots.WriteJsonLinesAsync(id, settings, step, type, output, ct), JsonLines);
    }

    public static async Task<Results<Ok<RunResponse>, ProblemHttpResult>> ResumeRun(
        long id, ClaimsPrincipal user, RunContinuations continuations, CancellationToken ct)
    {
        var (run, problem) = Answer(id, await continuations.ResumeAsync(id, user, ct));
        return run is not null ? TypedResults.Ok(run) : problem!;
    }

    public static async Task<Results<Created<RunResponse>, ValidationProblem, ProblemHttpResult>> ForkRun(
        long id, ForkRunRequest? request, ClaimsPrincipal user, RunContinuations continuations, CancellationToken ct)
    {
        var result = await continuations.ForkAsync(id, request ?? new ForkRunRequest(), user, ct);
        if (result.Outcome == ContinuationOutcome.Invalid)
            return TypedResults.ValidationProblem(result.Errors!);
        var (run, problem) = Answer(id, result);
        return run is not null ? TypedResults.Created($"/api/v1/runs/{run.Id}", run) : problem!;
    }

    private static (RunResponse? Run, ProblemHttpResult? Problem) Answer(long id, RunContinuation result) => result.Outcome switch
    {
        ContinuationOutcome.Done => (RunResponse.From(result.Run!), null),
        ContinuationOutcome.NotFound => (null, RunNotFound(id)),
        ContinuationOutcome.Forbidden => (null, TypedResults.Problem(result.Problem, statusCode: StatusCodes.Status403Forbidden)),
        _ => (null, TypedResults.Problem(result.Problem, statusCode: StatusCodes.Status409Conflict)),
    };

    private static ProblemHttpResult RunNotFound(long id) =>
        TypedResults.Problem($"Run {id} does not exist.", statusCode: StatusCodes.Status404NotFound);
}
