namespace AbsoluteZero.Web.Live;

/// <summary>One finished training step, pushed to the run's subscribers: <c>{run_id, step, metrics, wall_time}</c>.</summary>
public sealed record StepEvent(long RunId, int Step, IReadOnlyDictionary<string, double> Metrics, DateTimeOffset WallTime);
