using System.Text.Json;
using System.Text.Json.Nodes;
using AbsoluteZero.Core.Json;

namespace AbsoluteZero.Model.Tokenization;

/// <summary>
/// The <c>azr tokenize</c> protocol: each input line <c>{"id": …, "text": "…"}</c> is answered by one output line
/// <c>{"id": …, "ids": [...]}</c> (the id echoed as given), a bad line by <c>{"id": …, "error": "line N: …"}</c>; blank
/// lines are skipped. Nothing in the input stops the stream.
/// </summary>
public static class TokenizeJsonLines
{
    /// <returns>the number of lines answered with an error</returns>
    public static async Task<int> RunAsync(TextTokenizer tokenizer, TextReader input, TextWriter output, CancellationToken cancellationToken = default)
    {
        var errors = 0;
        var lineNumber = 0;
        while (await input.ReadLineAsync(cancellationToken) is { } line)
        {
            lineNumber++;
            if (string.IsNullOrWhiteSpace(line))
                continue;
            var answer = Answer(tokenizer, line, lineNumber);
            if (answer.ContainsKey("error"))
                errors++;
            await output.WriteLineAsync(answer.ToJsonString(AzrJson.Options));
        }

        await output.FlushAsync(cancellationToken);
        return errors;
    }

    private static JsonObject Answer(TextTokenizer tokenizer, string line, int lineNumber)
    {
        JsonNode? id = null;
        try
        {
            if (JsonNode.Parse(line) is not JsonObject request)
                return Error(null, lineNumber, "expected a JSON object {\"id\", \"text\"}");
            id = request["id"]?.DeepClone();
            if (!request.ContainsKey("id"))
                return Error(null, lineNumber, "missing field 'id'");
            if (request["text"] is not JsonValue text || !text.TryGetValue<string>(out var value))
                return Error(id, lineNumber, "field 'text' must be a string");
            return new JsonObject { ["id"] = id, ["ids"] = new JsonArray(tokenizer.Encode(value).Select(i => (JsonNode)i).ToArray()) };
        }
        catch (JsonException e)
        {
            return Error(id, lineNumber, $"invalid JSON: {e.Message}");
        }
    }

    private static JsonObject Error(JsonNode? id, int lineNumber, string message) =>
        new() { ["id"] = id?.DeepClone(), ["error"] = $"line {lineNumber}: {message}" };
}
