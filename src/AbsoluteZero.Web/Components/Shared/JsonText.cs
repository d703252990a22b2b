using System.Text.Json;
using System.Text.Json.Nodes;
using AbsoluteZero.Core.Json;

namespace AbsoluteZero.Web.Components.Shared;

/// <summary>Reading the jsonb columns (task inputs, solver answers, checkpoint metrics) for display, tolerating anything.</summary>
public static class JsonText
{
    public static string Pretty(string? json)
    {
        if (string.IsNullOrWhiteSpace(json))
            return "";
        try
        {
            return JsonNode.Parse(json)?.ToJsonString(AzrJson.Indented) ?? "null";
        }
        catch (JsonException)
        {
            return json;
        }
    }

    /// <summary>A JSON array's items as display strings (a string item as is, anything else as JSON).</summary>
    public static List<string> Items(string? json) => Parse(json) is JsonArray array ? array.Select(Display).ToList() : [];

    /// <summary>A JSON array of objects as rows of (key, display value); other items become one "value" column.</summary>
    public static List<Dictionary<string, string>> Rows(string? json) =>
        Parse(json) is JsonArray array
            ? array.Select(item => item is JsonObject row
                ? row.ToDictionary(p => p.Key, p => Display(p.Value))
                : new Dictionary<string, string> { ["value"] = Display(item) }).ToList()
            : [];

    /// <summary>A JSON object's members as (key, display value).</summary>
    public static List<(string Key, string Value)> Members(string? json) =>
        Parse(json) is JsonObject obj ? obj.Select(p => (p.Key, Display(p.Value))).ToList() : [];

    public static string Display(JsonNode? node) => node switch
    {
        null => "null",
        JsonValue v when v.TryGetValue<string>(out var s) => s,
        JsonValue v when v.TryGetValue<double>(out var d) => Math.Abs(d) is > 0 and (< 1e-3 or >= 1e6) ? d.ToString("0.###e0") : Math.Round(d, 4).ToString(),
        _ => node.ToJsonString(AzrJson.Options),
    };

    private static JsonNode? Parse(string? json)
    {
        if (string.IsNullOrWhiteSpace(json))
            return null;
        try
        {
            return JsonNode.Parse(json);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
