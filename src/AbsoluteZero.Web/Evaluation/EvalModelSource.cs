namespace AbsoluteZero.Web.Evaluation;

/// <summary>How an evaluation's model was named.</summary>
public static class EvalModelKinds
{
    /// <summary>A built-in random-initialised preset (<c>tiny</c>, <c>small</c>).</summary>
    public const string Preset = "preset";

    /// <summary>A base model entered in the model registry.</summary>
    public const string Registry = "registry";

    /// <summary>A checkpoint of one of our training runs (by run and step, or its registry entry).</summary>
    public const string Checkpoint = "checkpoint";

    /// <summary>A Hugging Face folder on the worker.</summary>
    public const string Folder = "folder";
}

/// <summary>
/// What an evaluation's model resolved to. <paramref name="IsAzrCheckpoint"/> decides the <c>auto</c> prompt style;
/// null means "look at the folder" (a checkpoint written by our trainer holds <c>policy_state.json</c>).
/// </summary>
/// <param name="Label">How lists and the leaderboard name it.</param>
/// <param name="Preset">The built-in preset, when it is one.</param>
/// <param name="Path">The Hugging Face folder, when it is one.</param>
/// <param name="Family">Architecture family (<c>qwen2</c>, <c>llama</c>), when known.</param>
/// <param name="TrainingRunId">The training run that produced the checkpoint.</param>
/// <param name="TrainingQueue">That run's queue: its checkpoints are evaluated on the same class of machine.</param>
public sealed record EvalModelSource(
    string Label,
    string Kind,
    string? Preset,
    string? Path,
    bool? IsAzrCheckpoint,
    string? Family,
    long? TrainingRunId,
    int? Step,
    string? TrainingQueue);
