using System.Collections.Concurrent;

namespace AbsoluteZero.Sandbox.Workers;

/// <summary>
/// Jobs waiting for a worker. Jobs handed back by a worker that died before starting them go to the front, so a
/// crash never reorders or starves the requests that happened to be queued behind the culprit.
/// </summary>
internal sealed class JobQueue
{
    private readonly ConcurrentQueue<Job> _fresh = new();
    private readonly ConcurrentQueue<Job> _returned = new();
    private readonly SemaphoreSlim _count = new(0);

    public void Add(Job job)
    {
        _fresh.Enqueue(job);
        _count.Release();
    }

    public void Return(Job job)
    {
        _returned.Enqueue(job);
        _count.Release();
    }

    /// <summary>Blocks the calling (dedicated) thread until a job is there or the token is cancelled.</summary>
    public Job Take(CancellationToken cancellationToken)
    {
        _count.Wait(cancellationToken);
        return Dequeue();
    }

    public bool TryTake(out Job job)
    {
        if (_count.Wait(0))
        {
            job = Dequeue();
            return true;
        }

        job = null!;
        return false;
    }

    private Job Dequeue()
    {
        if (_returned.TryDequeue(out var job) || _fresh.TryDequeue(out job))
            return job;
        throw new InvalidOperationException("job queue count and contents disagree");
    }
}
