using System.Text.Json;
using AbsoluteZero.Core.Json;
using AbsoluteZero.Training.Events;
using AbsoluteZero.Web.Training;

namespace AbsoluteZero.Cli.Commands.Train;

/// <summary>
/// Turns a training session's events into the run's database records: step metrics, every proposed and seed task,
/// checkpoints (with the metrics of their step), log lines and, when the run completes, its final checkpoint in the
/// model registry. It only queues (<see cref="RunRecorder"/>), so the training thread never waits on the database.
/// </summary>
public sealed class RunRecordingObserver(RunRecorder recorder) : ITrainingObserver
{
    private StepCompleted? _lastStep;

    public void OnEvent(TrainingEvent e)
    {
        switch (e)
        {
            case StepTasks tasks:
                foreach (var task in tasks.Proposals)
                    recorder.Add(new TaskRecord(TaskRows.From(task, e.Time)));
                return;
            case StepCompleted step:
                _lastStep = step;
                // An undefined metric (null: nothing to average this step) has no point; a chart shows the gap.
                var defined = step.Metrics.Where(m => m.Value is not null).ToDictionary(m => m.Key, m => m.Value!.Value);
                recorder.Add(new StepRecord(step.Step, defined, StoredTime(e.Time)));
                return;
            case CheckpointSaved saved:
                var metrics = _lastStep?.Step == saved.Step ? JsonSerializer.Serialize(_lastStep.Metrics, AzrJson.Options) : null;
                recorder.Add(new CheckpointRecord(saved.Step, saved.Path, saved.Bytes, metrics, e.Time.ToUniversalTime()));
                break;
            case CheckpointDeleted deleted:
                recorder.Add(new CheckpointRemovedRecord(deleted.Path, e.Time.ToUniversalTime()));
                break;
            case TrainingFinished { Status: TrainingStatus.Completed, LastCheckpoint: { } final } finished:
                recorder.Add(new ModelRecord(finished.LastStep, final, ModelFamily.Of(final), e.Time.ToUniversalTime()));
                break;
        }

        var level = e is TrainingFinished { Status: TrainingStatus.Failed } ? RunLogLevels.Error
            : e is TrainingLog { Level: TrainingLogLevel.Warning } ? RunLogLevels.Warning
            : RunLogLevels.Info;
        recorder.Add(new LogRecord(e.Time.ToUniversalTime(), level, ConsoleObserver.Describe(e)));
    }

    /// <summary>
    /// A step's wall time as PostgreSQL keeps it (microseconds), so the live event and the stored point carry the same
    /// time and a watcher prints the same line either way.
    /// </summary>
    private static DateTimeOffset StoredTime(DateTimeOffset time)
    {
        var utc = time.ToUniversalTime();
        return utc.AddTicks(-(utc.Ticks % TimeSpan.TicksPerMicrosecond));
    }
}
