namespace AbsoluteZero.Data.Checkpoints;

/// <summary>A Hugging Face checkpoint folder a training run wrote at one step.</summary>
public sealed class Checkpoint
{
    public long Id { get; set; }

    public long RunId { get; set; }

    public int Step { get; set; }

    /// <summary>The folder (config.json, tokenizer files, safetensors).</summary>
    public required string Path { get; set; }

    public long Bytes { get; set; }

    /// <summary>The run's metrics at that step, as a jsonb object, so a checkpoint list needs no join.</summary>
    public string? Metrics { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>When the folder was found deleted (older checkpoints go as <c>schedule.keep_checkpoints</c> says); null while it exists.</summary>
    public DateTimeOffset? RemovedAt { get; set; }
}
