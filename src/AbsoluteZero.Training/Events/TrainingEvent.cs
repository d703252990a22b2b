using System.Text.Json.Serialization;
using AbsoluteZero.Core.Configuration;
using AbsoluteZero.Core.SelfPlay;

namespace AbsoluteZero.Training.Events;

/// <summary>
/// Everything a training session reports, in the order it happens, to its <see cref="ITrainingObserver"/>. Each event
/// serialises with <see cref="Core.Json.AzrJson"/> as one JSON object whose <c>kind</c> names its type, so a live
/// relay can forward it as is and a reader can deserialise it back as <see cref="TrainingEvent"/>.
/// </summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "kind")]
[JsonDerivedType(typeof(TrainingStarted), "started")]
[JsonDerivedType(typeof(TrainingLog), "log")]
[JsonDerivedType(typeof(SeedingCompleted), "seeded")]
[JsonDerivedType(typeof(StepTasks), "tasks")]
[JsonDerivedType(typeof(StepCompleted), "step")]
[JsonDerivedType(typeof(CheckpointSaved), "checkpoint_saved")]
[JsonDerivedType(typeof(CheckpointDeleted), "checkpoint_deleted")]
[JsonDerivedType(typeof(TrainingFinished), "finished")]
public abstract record TrainingEvent
{
    public DateTimeOffset Time { get; init; } = DateTimeOffset.UtcNow;
}

/// <summary>The session is about to train steps <see cref="FirstStep"/>..<see cref="TotalSteps"/> with <see cref="Config"/>.</summary>
/// <param name="ResumedFrom">The checkpoint folder a resumed run continues from; null for a fresh run.</param>
public sealed record TrainingStarted(string OutputDirectory, string? Preset, RunConfig Config, int FirstStep, int TotalSteps, string? ResumedFrom) : TrainingEvent;

public enum TrainingLogLevel
{
    Info,
    Warning,
}

/// <summary>A line for the run log (progress notes, skipped batches, the sandbox's warnings).</summary>
public sealed record TrainingLog(TrainingLogLevel Level, string Message) : TrainingEvent;

/// <summary>
/// The seed sets a fresh run starts from (AZR.md §5.2): how many were reached of the target and in how many rounds.
/// The seeds themselves follow as a <see cref="StepTasks"/> event for step 0.
/// </summary>
public sealed record SeedingCompleted(int Triplets, int InductionTasks, int Target, int TripletRounds, int InductionRounds, bool ReachedTarget, string Summary) : TrainingEvent;

/// <summary>
/// Every task proposed in a step, valid or not, and every trained solver attempt. Step 0 carries the seeds (once per
/// buffer they fill: a seed triplet appears as an abduction and as a deduction task). The tasks with
/// <see cref="ProposedTask.AddedToBuffer"/> of steps ≤ s are exactly the buffers after step s (keep-oldest cap; with
/// evict-oldest the oldest may since have left).
/// </summary>
public sealed record StepTasks(int Step, IReadOnlyList<ProposedTask> Proposals, IReadOnlyList<SolverAttempt> SolverAttempts) : TrainingEvent;

/// <summary>One finished step and its metrics (names in docs/training.md; null where there was nothing to measure this step).</summary>
public sealed record StepCompleted(int Step, int TotalSteps, IReadOnlyDictionary<string, double?> Metrics) : TrainingEvent;

public enum CheckpointReason
{
    /// <summary>Every <c>schedule.save_every</c> steps.</summary>
    Scheduled,

    /// <summary>After the last step.</summary>
    Final,

    /// <summary>The session was asked to stop.</summary>
    Stop,
}

/// <summary>A complete checkpoint folder (Hugging Face files, optimizer, buffers, sampler and trainer state).</summary>
public sealed record CheckpointSaved(int Step, string Path, long Bytes, CheckpointReason Reason) : TrainingEvent;

/// <summary>An older checkpoint removed by retention (<c>schedule.keep_checkpoints</c>).</summary>
public sealed record CheckpointDeleted(int Step, string Path) : TrainingEvent;

public enum TrainingStatus
{
    Completed,

    /// <summary>Asked to stop (cancellation, SIGTERM, SIGINT); the state of the last finished step was checkpointed.</summary>
    Stopped,

    Failed,
}

/// <summary>The session ended. <see cref="LastStep"/> is the last finished step; <see cref="Error"/> says why a run failed.</summary>
public sealed record TrainingFinished(TrainingStatus Status, int LastStep, string? LastCheckpoint, string? Error) : TrainingEvent;
