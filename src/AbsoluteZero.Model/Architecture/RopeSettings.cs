using System.Text.Json.Nodes;

namespace AbsoluteZero.Model.Architecture;

/// <summary>Llama-3 frequency scaling (<c>rope_type: llama3</c>): long wavelengths slowed by <c>factor</c>, a smooth ramp between.</summary>
public sealed record Llama3RopeScaling(double Factor, double LowFreqFactor, double HighFreqFactor, int OriginalMaxPositionEmbeddings);

/// <summary>Rotary-embedding parameters: theta and an optional Llama-3 scaling; other rope types are refused.</summary>
public sealed record RopeSettings(double Theta, Llama3RopeScaling? Llama3 = null)
{
    /// <summary>Reads transformers-5 <c>rope_parameters</c> or transformers-4 <c>rope_theta</c> + <c>rope_scaling</c>.</summary>
    public static RopeSettings Parse(JsonObject config)
    {
        var parameters = config["rope_parameters"] as JsonObject;
        var scaling = parameters ?? config["rope_scaling"] as JsonObject;
        var theta = (parameters is not null ? ModelConfig.Double(parameters, "rope_theta") : null)
            ?? ModelConfig.Double(config, "rope_theta") ?? 10_000.0;
        var type = scaling is null ? "default" : ModelConfig.Str(scaling, "rope_type") ?? ModelConfig.Str(scaling, "type") ?? "default";
        return type switch
        {
            "default" => new RopeSettings(theta),
            "llama3" => new RopeSettings(theta, new Llama3RopeScaling(
                ModelConfig.Double(scaling!, "factor") ?? throw new FormatException("rope scaling llama3 needs factor"),
                ModelConfig.Double(scaling!, "low_freq_factor") ?? throw new FormatException("rope scaling llama3 needs low_freq_factor"),
                ModelConfig.Double(scaling!, "high_freq_factor") ?? throw new FormatException("rope scaling llama3 needs high_freq_factor"),
                ModelConfig.Int(scaling!, "original_max_position_embeddings") ?? throw new FormatException("rope scaling llama3 needs original_max_position_embeddings"))),
            _ => throw new FormatException($"rope_type '{type}' is not supported (default, llama3)"),
        };
    }
}
