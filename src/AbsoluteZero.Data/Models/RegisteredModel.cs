namespace AbsoluteZero.Data.Models;

/// <summary>An entry of the model registry: what evaluations and training runs can name.</summary>
public sealed class RegisteredModel
{
    public long Id { get; set; }

    /// <summary>Unique name users type (e.g. <c>qwen2.5-coder-7b</c>, <c>run-12-step-300</c>).</summary>
    public required string Name { get; set; }

    /// <summary>Architecture family: <c>qwen2</c>, <c>llama</c>.</summary>
    public required string Family { get; set; }

    /// <summary>The local Hugging Face folder.</summary>
    public required string Path { get; set; }

    /// <summary>Where it came from: a Hugging Face id, <c>run 12 step 300</c>, an upload.</summary>
    public string? Source { get; set; }

    public ModelKind Kind { get; set; }

    /// <summary>For checkpoints: the training run and step that produced it.</summary>
    public long? RunId { get; set; }

    public int? Step { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
}
