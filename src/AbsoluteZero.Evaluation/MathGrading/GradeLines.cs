using System.Text.Json;
using AbsoluteZero.Core.Configuration;
using AbsoluteZero.Core.Json;

namespace AbsoluteZero.Evaluation.MathGrading;

/// <summary>One graded line of <c>azr grade</c>: <c>{"id", "extracted", "correct"}</c>.</summary>
public sealed record GradedLine(JsonElement? Id, string? Extracted, bool Correct);

/// <summary>A line that could not be graded: <c>{"id", "line", "error"}</c>, the id when it could be read.</summary>
public sealed record GradeLineError(JsonElement? Id, int Line, string Error);

/// <summary>
/// The JSON-lines protocol of <c>azr grade</c>. Input lines are <c>{"id", "benchmark", "response", "answer"}</c>
/// (optionally <c>is_multiple_answer</c> and <c>unit</c> for OlympiadBench); <c>answer</c> is the reference as the
/// benchmark stores it: a string, a number, or a list of strings. Each line yields exactly one output line; a bad
/// line yields an error object naming its line number instead of stopping the stream.
/// </summary>
public static class GradeLines
{
    // Longer "answers" are not answers; refusing them keeps a hostile line from costing seconds.
    private const int MaxResponseLength = 1_000_000;

    public static string Grade(string line, int lineNumber)
    {
        JsonElement? id = null;
        try
        {
            using var document = JsonDocument.Parse(line);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
                return Error(null, lineNumber, "a line must be a JSON object {\"id\", \"benchmark\", \"response\", \"answer\"}");
            if (root.TryGetProperty("id", out var idElement))
                id = idElement.Clone();
            var benchmark = RequiredString(root, "benchmark");
            if (!MathBenchmarkRules.IsMathBenchmark(benchmark))
                return Error(id, lineNumber, UnknownBenchmark(benchmark));
            var response = RequiredString(root, "response");
            if (response.Length > MaxResponseLength)
                return Error(id, lineNumber, $"\"response\" is longer than {MaxResponseLength} characters");
            if (!root.TryGetProperty("answer", out var answer) || answer.ValueKind == JsonValueKind.Null)
                return Error(id, lineNumber, "missing field \"answer\"");
            var reference = ReferenceAnswers.FromJson(benchmark, answer, OptionalBool(root, "is_multiple_answer"), OptionalString(root, "unit"));
            var grade = MathGrader.Grade(benchmark, response, reference);
            return JsonSerializer.Serialize(new GradedLine(id, grade.Extracted, grade.Correct), AzrJson.Options);
        }
        catch (JsonException e)
        {
            // System.Text.Json counts lines from 0 within the line; our own line number is the useful one.
            return Error(id, lineNumber, $"not valid JSON: {e.Message.Split(" LineNumber:")[0].Trim()}");
        }
        catch (FormatException e)
        {
            return Error(id, lineNumber, e.Message);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // Model output is hostile by assumption: a line the grader cannot handle must not end the stream.
            return Error(id, lineNumber, $"could not grade this line ({e.GetType().Name}: {e.Message})");
        }
    }

    private static string UnknownBenchmark(string benchmark) =>
        BenchmarkNames.IsKnown(benchmark)
            ? $"'{benchmark}' is a code benchmark; azr grade grades math answers ({string.Join(", ", BenchmarkNames.Math)})"
            : $"unknown benchmark '{benchmark}'; expected one of {string.Join(", ", BenchmarkNames.Math)}";

    private static string RequiredString(JsonElement root, string field)
    {
        if (!root.TryGetProperty(field, out var value))
            throw new FormatException($"missing field \"{field}\"");
        return value.ValueKind == JsonValueKind.String ? value.GetString()! : throw new FormatException($"field \"{field}\" must be a string");
    }

    private static string? OptionalString(JsonElement root, string field) =>
        root.TryGetProperty(field, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static bool? OptionalBool(JsonElement root, string field) =>
        root.TryGetProperty(field, out var value) && value.ValueKind is JsonValueKind.True or JsonValueKind.False ? value.GetBoolean() : null;

    private static string Error(JsonElement? id, int line, string message) =>
        JsonSerializer.Serialize(new GradeLineError(id, line, message), AzrJson.Options);
}
