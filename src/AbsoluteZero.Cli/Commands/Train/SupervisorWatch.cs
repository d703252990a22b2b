namespace AbsoluteZero.Cli.Commands.Train;

/// <summary>
/// Stops a supervised training child whose worker has gone (killed outright, so it could not send SIGTERM): the run
/// then checkpoints and exits instead of training on with nobody to record how it ends.
/// </summary>
public sealed class SupervisorWatch : IDisposable
{
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(1);

    private readonly Timer _timer;

    public SupervisorWatch(int pid, Action gone)
    {
        _timer = new Timer(_ =>
        {
            if (!Directory.Exists($"/proc/{pid}"))
            {
                _timer!.Change(Timeout.Infinite, Timeout.Infinite);
                gone();
            }
        }, null, Interval, Interval);
    }

    public void Dispose() => _timer.Dispose();
}
