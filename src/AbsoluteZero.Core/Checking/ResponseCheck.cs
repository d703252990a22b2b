using System.Text.Json;
using System.Text.Json.Nodes;
using AbsoluteZero.Core.Tasks;

namespace AbsoluteZero.Core.Checking;

/// <summary>
/// One <c>azr check-response</c> request: <c>{"id", "task_type", "role", "response", "task", "solve_rate"}</c>.
/// <see cref="Task"/> holds what the role needs: nothing for a deduction/abduction proposal; <c>program</c> (and
/// optionally <c>imports</c>) for an induction proposal; <c>program</c>, <c>input</c>, <c>output</c> for a
/// deduction/abduction answer; <c>program</c>, <c>inputs</c>, <c>outputs</c>, <c>message</c> for an induction answer.
/// </summary>
public sealed record ResponseCheckRequest(JsonNode? Id, TaskType TaskType, Role Role, string Response, JsonObject? Task, double? SolveRate);

/// <summary>
/// The verdict line: <c>{"id", "format_ok", "valid", "reason", "output", "outputs", "correct", "reward"}</c>, null
/// where a field does not apply (<c>valid</c> and <c>output(s)</c> for proposals, <c>correct</c> for answers).
/// </summary>
public sealed record ResponseCheckResult(JsonNode? Id, bool? FormatOk, bool? Valid, string? Reason, string? Output, IReadOnlyList<string>? Outputs, bool? Correct, double? Reward)
{
    /// <summary>The line for a request that could not be read: only the id (when known) and the reason.</summary>
    public static ResponseCheckResult BadRequest(JsonNode? id, string reason) => new(id, null, null, reason, null, null, null, null);
}

/// <summary>A request line that is not a valid request; the message names the field.</summary>
public sealed class ResponseCheckRequestException(string message, JsonNode? id) : Exception(message)
{
    public JsonNode? Id { get; } = id;
}

/// <summary>Reads request lines strictly: every problem names the field, nothing is guessed.</summary>
public static class ResponseCheckRequestReader
{
    public static ResponseCheckRequest Parse(string line)
    {
        JsonObject obj;
        try
        {
            obj = JsonNode.Parse(line) as JsonObject ?? throw new ResponseCheckRequestException("the line is not a JSON object", null);
        }
        catch (JsonException e)
        {
            throw new ResponseCheckRequestException($"the line is not valid JSON ({e.Message})", null);
        }

        var id = obj["id"]?.DeepClone();
        string Text(string key) => obj[key] is JsonValue v && v.TryGetValue<string>(out var s)
            ? s
            : throw new ResponseCheckRequestException($"'{key}' must be a string", id);

        var taskType = Text("task_type") switch
        {
            "deduction" => TaskType.Deduction,
            "abduction" => TaskType.Abduction,
            "induction" => TaskType.Induction,
            var other => throw new ResponseCheckRequestException($"'task_type' must be deduction, abduction or induction, got '{other}'", id),
        };
        var role = Text("role") switch
        {
            "propose" => Role.Propose,
            "solve" => Role.Solve,
            var other => throw new ResponseCheckRequestException($"'role' must be propose or solve, got '{other}'", id),
        };

        double? solveRate = null;
        if (obj["solve_rate"] is { } rate)
        {
            if (rate is not JsonValue v || !v.TryGetValue<double>(out var s) || double.IsNaN(s) || s < 0 || s > 1)
                throw new ResponseCheckRequestException($"'solve_rate' must be a number in [0, 1] or null, got {rate.ToJsonString()}", id);
            solveRate = s;
        }

        var task = obj["task"] switch
        {
            null => null,
            JsonObject t => t,
            _ => throw new ResponseCheckRequestException("'task' must be an object", id),
        };
        return new ResponseCheckRequest(id, taskType, role, Text("response"), task, solveRate);
    }

    /// <summary>A required string field of <c>task</c>.</summary>
    public static string TaskText(ResponseCheckRequest request, string key) =>
        request.Task?[key] is JsonValue v && v.TryGetValue<string>(out var s)
            ? s
            : throw new ResponseCheckRequestException($"'task.{key}' must be a string for a {request.TaskType.JsonName()} {request.Role.ToString().ToLowerInvariant()} check", request.Id);

    /// <summary>A list-of-strings field of <c>task</c>; null when absent and optional.</summary>
    public static IReadOnlyList<string>? TaskTexts(ResponseCheckRequest request, string key, bool optional)
    {
        var node = request.Task?[key];
        if (node is null)
            return optional ? null : throw new ResponseCheckRequestException($"'task.{key}' must be a list of strings", request.Id);
        if (node is not JsonArray array)
            throw new ResponseCheckRequestException($"'task.{key}' must be a list of strings", request.Id);
        return array.Select((n, i) => n is JsonValue v && v.TryGetValue<string>(out var s)
            ? s
            : throw new ResponseCheckRequestException($"'task.{key}[{i}]' must be a string", request.Id)).ToList();
    }
}
