namespace AbsoluteZero.Evaluation.Leaderboard;

/// <summary>
/// The architecture family of a model known only by name (the paper's rows, built-in presets): the families the
/// model registry uses, <c>qwen2</c> (Qwen2, Qwen2.5 and our Qwen2-shaped presets) and <c>llama</c>.
/// </summary>
public static class ModelFamilies
{
    public const string Qwen2 = "qwen2";
    public const string Llama = "llama";

    public static string? Guess(string model)
    {
        if (model.Contains("llama", StringComparison.OrdinalIgnoreCase))
            return Llama;
        if (model.Contains("qwen", StringComparison.OrdinalIgnoreCase) || model is "tiny" or "small")
            return Qwen2;
        return null;
    }
}
