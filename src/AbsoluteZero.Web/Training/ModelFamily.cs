using System.Text.Json.Nodes;

namespace AbsoluteZero.Web.Training;

/// <summary>The registry's <c>family</c> of a Hugging Face folder: its config.json <c>model_type</c> (qwen2, llama).</summary>
public static class ModelFamily
{
    public const string Default = "qwen2";

    public static string Of(string folder)
    {
        try
        {
            return JsonNode.Parse(File.ReadAllText(Path.Combine(folder, "config.json")))?["model_type"]?.GetValue<string>() is { Length: > 0 } type
                ? type
                : Default;
        }
        catch (Exception e) when (e is IOException or System.Text.Json.JsonException or InvalidOperationException or FormatException)
        {
            return Default;
        }
    }
}
