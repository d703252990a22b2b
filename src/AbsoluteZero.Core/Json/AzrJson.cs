using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace AbsoluteZero.Core.Json;

/// <summary>
/// The one JSON convention of the project: snake_case names and snake_case enum strings, as in the reference's
/// configs and every command-line contract (<c>task_type</c>, <c>solve_rate</c>, <c>output_too_large</c>).
/// REST, the database's jsonb columns and the CLI all use these options so a config reads the same everywhere.
/// </summary>
public static class AzrJson
{
    public static readonly JsonSerializerOptions Options = Create(indented: false);
    public static readonly JsonSerializerOptions Indented = Create(indented: true);

    /// <summary>Applies the project's convention to options owned by someone else (ASP.NET's, SignalR's).</summary>
    public static void Configure(JsonSerializerOptions options)
    {
        options.PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower;
        options.DictionaryKeyPolicy = null;
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower, allowIntegerValues: false));
        // Model-written programs are full of quotes and angle brackets; escaping them makes JSON lines unreadable.
        options.Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping;
        options.NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals;
    }

    private static JsonSerializerOptions Create(bool indented)
    {
        var options = new JsonSerializerOptions { WriteIndented = indented };
        Configure(options);
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
