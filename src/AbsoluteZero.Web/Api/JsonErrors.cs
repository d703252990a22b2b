using System.Text.Json;
using System.Text.RegularExpressions;

namespace AbsoluteZero.Web.Api;

/// <summary>
/// Turns System.Text.Json's exceptions into what a client can act on: malformed JSON (a syntax error, with line and
/// position) or a field error (wrong type, unknown field) keyed by the field's JSON path.
/// </summary>
public static partial class JsonErrors
{
    /// <summary>True for syntax errors: the reader's exception is wrapped inside the serializer's.</summary>
    public static bool IsMalformed(JsonException e) => e.InnerException is JsonException;

    /// <summary>The field a deserialization error is about, as a dotted path (<c>steps</c>, <c>decoding.top_p</c>).</summary>
    public static string Field(JsonException e, string? prefix = null)
    {
        var path = e.Path is null or "$" ? "" : e.Path.StartsWith("$.", StringComparison.Ordinal) ? e.Path[2..] : e.Path.TrimStart('$');
        // An unknown property is reported against the object holding it; the name is only in the message.
        if (UnmappedProperty().Match(e.Message) is { Success: true } m && path.Split('.')[^1] != m.Groups[1].Value)
            path = path.Length == 0 ? m.Groups[1].Value : $"{path}.{m.Groups[1].Value}";
        var field = string.IsNullOrEmpty(prefix) ? path : path.Length == 0 ? prefix : $"{prefix}.{path}";
        return field.Length == 0 ? "body" : field;
    }

    public static string Describe(JsonException e)
    {
        if (UnmappedProperty().IsMatch(e.Message))
            return "unknown field";
        if (e.Message.Contains("could not be converted", StringComparison.Ordinal))
            return "has the wrong type or an unknown value";
        return e.Message;
    }

    /// <summary>The reader's message without the CLR noise, e.g. "'x' is an invalid start of a value. (line 1, position 9)".</summary>
    public static string DescribeMalformed(JsonException e)
    {
        var reader = e.InnerException as JsonException ?? e;
        var message = reader.Message;
        var cut = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
        if (cut > 0)
            message = message[..cut].TrimEnd(' ', '|');
        return $"{message} (line {(e.LineNumber ?? 0) + 1}, position {(e.BytePositionInLine ?? 0) + 1})";
    }

    [GeneratedRegex("The JSON property '([^']*)' could not be mapped")]
    private static partial Regex UnmappedProperty();
}
