using System.Text.Json;

namespace AbsoluteZero.Web.Api.Contracts;

/// <summary>jsonb columns are strings in the entities; responses carry them as JSON values.</summary>
internal static class JsonColumn
{
    public static JsonElement Parse(string text)
    {
        using var doc = JsonDocument.Parse(text);
        return doc.RootElement.Clone();
    }

    public static JsonElement? ParseOrNull(string? text) => text is null ? null : Parse(text);
}
