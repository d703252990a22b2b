using AbsoluteZero.Data.Tasks;

namespace AbsoluteZero.Web.Training;

/// <summary>Something a training child reports about its run, queued for the database by <see cref="RunRecorder"/>.</summary>
public abstract record RunRecord;

/// <summary>One finished step: its metrics, written together and announced with one NOTIFY.</summary>
public sealed record StepRecord(int Step, IReadOnlyDictionary<string, double> Metrics, DateTimeOffset WallTime) : RunRecord;

/// <summary>A proposed (or seed) task as its <c>tasks</c> row; <see cref="ProposedTask.RunId"/> is set by the recorder.</summary>
public sealed record TaskRecord(ProposedTask Row) : RunRecord;

/// <summary>A checkpoint folder written at a step; <paramref name="Metrics"/> is that step's metrics as a JSON object.</summary>
public sealed record CheckpointRecord(int Step, string Path, long Bytes, string? Metrics, DateTimeOffset At) : RunRecord;

/// <summary>A checkpoint folder that is gone from disk (superseded under <c>schedule.keep_checkpoints</c>).</summary>
public sealed record CheckpointRemovedRecord(string Path, DateTimeOffset At) : RunRecord;

/// <summary>A line of the run's log.</summary>
public sealed record LogRecord(DateTimeOffset At, string Level, string Message) : RunRecord;

/// <summary>The run's final checkpoint, entered in the model registry as <c>run-{id}-step-{step}</c>.</summary>
public sealed record ModelRecord(int Step, string Path, string Family, DateTimeOffset At) : RunRecord;

/// <summary>Log levels the <c>run_logs</c> table accepts.</summary>
public static class RunLogLevels
{
    public const string Info = "info";
    public const string Warning = "warning";
    public const string Error = "error";
}
