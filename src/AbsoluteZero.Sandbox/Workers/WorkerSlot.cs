using System.Buffers;
using System.Diagnostics;
using AbsoluteZero.Core.Execution;

namespace AbsoluteZero.Sandbox.Workers;

/// <summary>
/// One place in the pool: keeps a worker alive (replacing it whenever it dies) and feeds it jobs from the shared
/// queue, a few at a time so it never waits for the next request. The worker answers in order, so the oldest job in
/// flight is the one running; when the worker dies only that job gets an error, and the rest go back to the queue.
/// </summary>
internal sealed class WorkerSlot(SandboxPool pool, int index)
{
    /// <summary>Jobs written ahead to one worker: enough to hide the round trip, few enough that a slow job delays little.</summary>
    private const int Depth = 2;

    private static readonly TimeSpan WatchdogPeriod = TimeSpan.FromMilliseconds(500);

    private readonly LinkedList<Job> _inFlight = new();
    private long _nextId;
    private long _headStarted;
    private string? _killReason;

    public int Index { get; } = index;

    /// <summary>Serves an already started worker until it dies or the pool closes, then starts replacements.</summary>
    public async Task RunAsync(SandboxWorker first, CancellationToken stopping)
    {
        var worker = first;
        while (worker is not null)
        {
            await ServeAsync(worker, stopping).ConfigureAwait(false);
            await worker.DisposeAsync().ConfigureAwait(false);
            pool.WorkerGone(this);
            worker = stopping.IsCancellationRequested ? null : await pool.ReplaceAsync(this, stopping).ConfigureAwait(false);
        }
    }

    private async Task ServeAsync(SandboxWorker worker, CancellationToken stopping)
    {
        using var gone = CancellationTokenSource.CreateLinkedTokenSource(stopping);
        using var capacity = new SemaphoreSlim(Depth);
        _killReason = null;
        await using var closing = stopping.Register(worker.Kill);
        var receiving = ReceiveAsync(worker, capacity);
        var sending = SendAsync(worker, capacity, gone.Token);
        var watching = WatchAsync(worker, gone.Token);
        await receiving.ConfigureAwait(false);
        await gone.CancelAsync().ConfigureAwait(false);
        worker.Kill();
        await Task.WhenAll(SwallowCancellation(sending), SwallowCancellation(watching)).ConfigureAwait(false);
        await worker.WaitForExitAsync().ConfigureAwait(false);
        HandBack(worker, stopping.IsCancellationRequested);
    }

    private async Task SendAsync(SandboxWorker worker, SemaphoreSlim capacity, CancellationToken gone)
    {
        var buffer = new ArrayBufferWriter<byte>();
        while (true)
        {
            await capacity.WaitAsync(gone).ConfigureAwait(false);
            var job = await pool.Queue.TakeAsync(gone).ConfigureAwait(false);
            buffer.ResetWrittenCount();
            var batch = 0;
            while (true)
            {
                if (job.IsAbandoned)
                    capacity.Release();
                else if (Admit(job))
                {
                    WorkerProtocol.WriteRequest(buffer, Interlocked.Increment(ref _nextId), job);
                    batch++;
                }
                else
                {
                    pool.Queue.Return(job);
                    return;
                }

                if (!capacity.Wait(0))
                    break;
                if (!pool.Queue.TryTake(out job))
                {
                    capacity.Release();
                    break;
                }
            }

            if (batch == 0)
                continue;
            try
            {
                await worker.Input.WriteAsync(buffer.WrittenMemory, CancellationToken.None).ConfigureAwait(false);
                await worker.Input.FlushAsync(CancellationToken.None).ConfigureAwait(false);
            }
            catch (IOException)
            {
                return; // The worker died; the receiver sees it and hands the jobs back.
            }
        }
    }

    /// <summary>Puts a job in flight unless the worker is already being torn down.</summary>
    private bool Admit(Job job)
    {
        lock (_inFlight)
        {
            if (_killReason is not null)
                return false;
            if (_inFlight.Count == 0)
                _headStarted = Stopwatch.GetTimestamp();
            _inFlight.AddLast(job);
            return true;
        }
    }

    private async Task ReceiveAsync(SandboxWorker worker, SemaphoreSlim capacity)
    {
        while (await worker.ReadLineAsync(CancellationToken.None).ConfigureAwait(false) is { } line)
        {
            WorkerReply reply;
            try
            {
                reply = WorkerProtocol.ReadReply(line);
            }
            catch (System.Text.Json.JsonException exception)
            {
                Stop($"the worker sent an unreadable reply ({exception.Message})");
                worker.Kill();
                return;
            }

            Job? job;
            lock (_inFlight)
            {
                job = _inFlight.First?.Value;
                if (job is not null)
                {
                    _inFlight.RemoveFirst();
                    _headStarted = Stopwatch.GetTimestamp();
                }
            }

            if (job is null)
            {
                Stop("the worker answered a request it was never sent");
                worker.Kill();
                return;
            }

            job.Complete(reply.ToResult());
            capacity.Release();
        }
    }

    /// <summary>The worker enforces each timeout itself; this only catches a worker that stopped answering at all.</summary>
    private async Task WatchAsync(SandboxWorker worker, CancellationToken gone)
    {
        using var timer = new PeriodicTimer(WatchdogPeriod);
        while (await timer.WaitForNextTickAsync(gone).ConfigureAwait(false))
        {
            lock (_inFlight)
            {
                if (_inFlight.First?.Value is not { } head || Stopwatch.GetElapsedTime(_headStarted) <= head.WatchdogLimit)
                    continue;
                _killReason ??= $"the sandbox worker stopped answering for {head.WatchdogLimit.TotalSeconds:0} s and was replaced";
            }

            worker.Kill();
        }
    }

    private void Stop(string reason)
    {
        lock (_inFlight)
            _killReason ??= reason;
    }

    /// <summary>The running job gets an error; jobs the worker never started go back to the front of the queue.</summary>
    private void HandBack(SandboxWorker worker, bool poolClosing)
    {
        Job[] jobs;
        string reason;
        double ms;
        lock (_inFlight)
        {
            reason = _killReason ?? $"the sandbox worker died while running this program ({worker.DescribeExit()}); it was replaced";
            _killReason = reason;
            jobs = [.. _inFlight];
            _inFlight.Clear();
            ms = Stopwatch.GetElapsedTime(_headStarted).TotalMilliseconds;
        }

        for (var i = 0; i < jobs.Length; i++)
        {
            if (poolClosing)
                jobs[i].Fail(new ObjectDisposedException(nameof(SandboxPool)));
            else if (i == 0)
                jobs[i].Complete(new ExecutionResult(ExecutionStatus.Error, null, reason, ms));
            else
                pool.Queue.Return(jobs[i]);
        }
    }

    private static async Task SwallowCancellation(Task task)
    {
        try
        {
            await task.ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // Expected when the worker is torn down.
        }
    }
}
