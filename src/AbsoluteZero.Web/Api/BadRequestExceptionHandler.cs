using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.WebUtilities;

namespace AbsoluteZero.Web.Api;

/// <summary>
/// Minimal APIs throw <see cref="BadHttpRequestException"/> for bodies and parameters they cannot bind (with
/// <c>ThrowOnBadRequest</c>). This turns each into problem+json: malformed JSON → 400 with where it broke; a field of the
/// wrong type or an unknown field → 400 validation problem keyed by that field; other binding failures → their status.
/// </summary>
public sealed partial class BadRequestExceptionHandler(IProblemDetailsService problems) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken ct)
    {
        if (exception is not BadHttpRequestException bad)
            return false;

        context.Response.StatusCode = bad.StatusCode;
        var problem = exception.InnerException is JsonException json
            ? FromJson(json)
            : FromBinding(bad);
        problem.Status = bad.StatusCode;
        problem.Title ??= ReasonPhrases.GetReasonPhrase(bad.StatusCode);
        return await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = context, ProblemDetails = problem, Exception = exception });
    }

    private static ProblemDetails FromJson(JsonException json) =>
        JsonErrors.IsMalformed(json)
            ? new ProblemDetails { Title = "Malformed JSON", Detail = "The request body is not valid JSON: " + JsonErrors.DescribeMalformed(json) }
            : new HttpValidationProblemDetails(new Dictionary<string, string[]> { [JsonErrors.Field(json)] = [JsonErrors.Describe(json)] })
            {
                Title = "One or more validation errors occurred.",
            };

    private static ProblemDetails FromBinding(BadHttpRequestException bad)
    {
        // e.g. Failed to bind parameter "int? page" from "abc".
        if (BindFailure().Match(bad.Message) is { Success: true } m)
        {
            var field = JsonNamingPolicy.SnakeCaseLower.ConvertName(m.Groups[1].Value);
            return new HttpValidationProblemDetails(new Dictionary<string, string[]> { [field] = [$"cannot be '{m.Groups[2].Value}'"] })
            {
                Title = "One or more validation errors occurred.",
            };
        }

        var detail = bad.StatusCode == StatusCodes.Status415UnsupportedMediaType
            ? "Send the body as JSON with Content-Type: application/json."
            : bad.Message.Contains("was not provided from body", StringComparison.Ordinal)
                ? "The request needs a JSON object body."
                : bad.Message;
        return new ProblemDetails { Detail = detail };
    }

    [GeneratedRegex("Failed to bind parameter \"(?:[^\"]* )?([A-Za-z_][A-Za-z0-9_]*)\" from \"([^\"]*)\"")]
    private static partial Regex BindFailure();
}
