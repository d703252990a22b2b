using System.Text.Json;
using AbsoluteZero.Core.Execution;

namespace AbsoluteZero.Sandbox;

/// <summary>Reads one <c>azr exec</c> request line, or says exactly what is wrong with it and where.</summary>
internal static class ExecRequestLine
{
    public static (JsonElement? Id, ExecutionRequest? Request, string? Problem) Parse(string line, int lineNumber)
    {
        JsonElement root;
        try
        {
            using var document = JsonDocument.Parse(line);
            root = document.RootElement.Clone();
        }
        catch (JsonException exception)
        {
            return (null, null, $"line {lineNumber}: not valid JSON ({exception.Message})");
        }

        if (root.ValueKind != JsonValueKind.Object)
            return (null, null, $"line {lineNumber}: expected a JSON object, got {root.ValueKind.ToString().ToLowerInvariant()}");
        JsonElement? id = root.TryGetProperty("id", out var idValue) && idValue.ValueKind is JsonValueKind.String or JsonValueKind.Number
            ? idValue
            : null;
        var problem = ReadRequest(root, out var request);
        return problem is null ? (id, request, null) : (id, null, $"line {lineNumber}: {problem}");
    }

    private static string? ReadRequest(JsonElement root, out ExecutionRequest? request)
    {
        request = null;
        if (!TryString(root, "program", out var program) || program is null)
            return "field 'program' is missing or not a string";
        if (!TryString(root, "input", out var input) || input is null)
            return "field 'input' is missing or not a string (use \"\" for f())";
        if (!TryString(root, "check", out var check))
            return "field 'check' must be a string";
        if (!TryString(root, "policy", out var policy))
            return "field 'policy' must be a string";
        ExecutionCheck? parsedCheck = check switch { null or "run" => ExecutionCheck.Run, "validate" => ExecutionCheck.Validate, _ => null };
        if (parsedCheck is null)
            return $"field 'check' must be \"run\" or \"validate\", got \"{check}\"";
        ExecutionPolicy? parsedPolicy = policy switch { null or "azr" => ExecutionPolicy.Azr, "benchmark" => ExecutionPolicy.Benchmark, _ => null };
        if (parsedPolicy is null)
            return $"field 'policy' must be \"azr\" or \"benchmark\", got \"{policy}\"";
        int? timeoutMs = null;
        if (root.TryGetProperty("timeout_ms", out var timeout) && timeout.ValueKind != JsonValueKind.Null)
        {
            if (timeout.ValueKind != JsonValueKind.Number || !timeout.TryGetInt32(out var value) || value <= 0)
                return "field 'timeout_ms' must be a positive integer";
            timeoutMs = value;
        }

        request = new ExecutionRequest(program, input) { Check = parsedCheck.Value, Policy = parsedPolicy.Value, TimeoutMs = timeoutMs };
        return null;
    }

    /// <summary>False when the field exists but is not a string; value is null when it is absent or null.</summary>
    private static bool TryString(JsonElement root, string name, out string? value)
    {
        value = null;
        if (!root.TryGetProperty(name, out var element) || element.ValueKind == JsonValueKind.Null)
            return true;
        if (element.ValueKind != JsonValueKind.String)
            return false;
        value = element.GetString();
        return true;
    }
}
