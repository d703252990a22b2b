using AbsoluteZero.Data.Runs;
using AbsoluteZero.Web.Api.Contracts;
using AbsoluteZero.Web.Evaluation;
using AbsoluteZero.Web.Runs;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace AbsoluteZero.Web.Api;

/// <summary>
/// <c>/api/v1/evaluations</c>: what evaluation runs produced — scores with n and 95% intervals, progress, and every
/// judged sample. Evaluations are queued like any run: <c>POST /api/v1/runs</c> with <c>"kind": "eval"</c>.
/// </summary>
public static class EvaluationsApi
{
    public static RouteGroupBuilder MapEvaluationsApi(this IEndpointRouteBuilder app)
    {
        var evaluations = app.MapReadableGroup("/api/v1/evaluations", "Evaluations");
        evaluations.MapGet("/", ListEvaluations).WithSummary("Evaluation runs with their scores, newest first");
        evaluations.MapGet("/{id:long}", GetEvaluation).ProducesProblem(StatusCodes.Status404NotFound).WithSummary("One evaluation run, its scores and progress");
        evaluations.MapGet("/{id:long}/samples", ListSamples)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("An evaluation's judged samples: prompt, response, extracted program or answer, verdict, failure detail");
        evaluations.MapGet("/{id:long}/samples/{sampleId:long}", GetSample).ProducesProblem(StatusCodes.Status404NotFound).WithSummary("One judged sample");
        return evaluations;
    }

    public static async Task<Results<Ok<Paged<EvaluationResponse>>, ValidationProblem>> ListEvaluations(
        [AsParameters] RunListParameters parameters, RunQueries runs, EvalQueries queries, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var query = parameters.ToQuery(errors);
        if (query is { Kind: RunKind.Train })
            errors.Add("kind", "this list holds evaluation runs only (kind eval); training runs are under /api/v1/runs");
        if (errors.Any || query is null)
            return TypedResults.ValidationProblem(errors.ToDictionary());
        var (items, total) = await runs.ListAsync(query with { Kind = RunKind.Eval }, ct);
        var scores = await queries.ScoresAsync(items.Select(r => r.Id).ToList(), ct);
        return TypedResults.Ok(new Paged<EvaluationResponse>(
            items.Select(r => EvaluationResponse.From(r, scores[r.Id], [])).ToList(), total, query.Page, query.PageSize));
    }

    public static async Task<Results<Ok<EvaluationResponse>, ProblemHttpResult>> GetEvaluation(long id, RunQueries runs, EvalQueries queries, CancellationToken ct)
    {
        if (await FindEvaluationAsync(id, runs, ct) is not { } run)
            return NotAnEvaluation(id);
        var scores = await queries.ScoresAsync([id], ct);
        return TypedResults.Ok(EvaluationResponse.From(run, scores[id], await queries.ProgressAsync(id, ct)));
    }

    public static async Task<Results<Ok<Paged<EvalSampleResponse>>, ValidationProblem, ProblemHttpResult>> ListSamples(
        long id, [AsParameters] SampleListParameters parameters, RunQueries runs, EvalQueries queries, CancellationToken ct)
    {
        var errors = new FieldErrors();
        if (parameters.ToFilter(errors) is not { } filter)
            return TypedResults.ValidationProblem(errors.ToDictionary());
        if (await FindEvaluationAsync(id, runs, ct) is null)
            return NotAnEvaluation(id);
        var (samples, total) = await queries.SamplesAsync(id, filter, ct);
        return TypedResults.Ok(new Paged<EvalSampleResponse>(samples.Select(EvalSampleResponse.From).ToList(), total, filter.Page, filter.PageSize));
    }

    public static async Task<Results<Ok<EvalSampleResponse>, ProblemHttpResult>> GetSample(long id, long sampleId, EvalQueries queries, CancellationToken ct) =>
        await queries.SampleAsync(id, sampleId, ct) is { } sample
            ? TypedResults.Ok(EvalSampleResponse.From(sample))
            : TypedResults.Problem($"Evaluation run {id} has no sample {sampleId}.", statusCode: StatusCodes.Status404NotFound);

    private static async Task<Run?> FindEvaluationAsync(long id, RunQueries runs, CancellationToken ct) =>
        await runs.FindAsync(id, ct) is { Kind: RunKind.Eval } run ? run : null;

    private static ProblemHttpResult NotAnEvaluation(long id) =>
        TypedResults.Problem($"There is no evaluation run {id}.", statusCode: StatusCodes.Status404NotFound);
}
