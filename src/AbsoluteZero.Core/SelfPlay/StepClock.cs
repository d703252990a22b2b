using System.Diagnostics;

namespace AbsoluteZero.Core.SelfPlay;

/// <summary>
/// Where the step's own thread spends its time. The phases partition the step's wall clock: preparing the six
/// batches, generating, waiting for the sandbox (only the part not hidden behind generation), computing rewards,
/// advantages and metrics, and the policy update. The sandbox's own busy time is measured separately by
/// <see cref="TimedExecutor"/>, since it overlaps generation.
/// </summary>
public sealed class StepClock
{
    private readonly Stopwatch _step = Stopwatch.StartNew();

    public double Prepare { get; private set; }

    public double Generate { get; private set; }

    /// <summary>Seconds the step was blocked on sandbox results.</summary>
    public double ExecutorWait { get; private set; }

    public double Reward { get; private set; }

    public double Update { get; private set; }

    public double Elapsed => _step.Elapsed.TotalSeconds;

    public T TimePrepare<T>(Func<T> work) => Time(work, s => Prepare += s);

    public T TimeGenerate<T>(Func<T> work) => Time(work, s => Generate += s);

    public T TimeReward<T>(Func<T> work) => Time(work, s => Reward += s);

    public T TimeUpdate<T>(Func<T> work) => Time(work, s => Update += s);

    public async Task<T> WaitAsync<T>(Task<T> pending)
    {
        var start = Stopwatch.GetTimestamp();
        try
        {
            return await pending.ConfigureAwait(false);
        }
        finally
        {
            ExecutorWait += Stopwatch.GetElapsedTime(start).TotalSeconds;
        }
    }

    private static T Time<T>(Func<T> work, Action<double> add)
    {
        var start = Stopwatch.GetTimestamp();
        try
        {
            return work();
        }
        finally
        {
            add(Stopwatch.GetElapsedTime(start).TotalSeconds);
        }
    }
}
