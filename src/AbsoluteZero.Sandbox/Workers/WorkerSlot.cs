using System.Buffers;
using System.Diagnostics;
using AbsoluteZero.Core.Execution;

namespace AbsoluteZero.Sandbox.Workers;

/// <summary>
/// One place in the pool, served by its own thread with blocking pipe I/O (no thread-pool hop per request): keeps a
/// worker alive, replacing it whenever it dies, and feeds it jobs from the shared queue, a couple ahead so it never
/// waits for the next one. The worker answers in order, so the oldest job in flight is the one running; when the
/// worker dies only that job gets an error, and the rest go back to the front of the queue.
/// </summary>
internal sealed class WorkerSlot
{
    /// <summary>Jobs written ahead to one worker: enough to hide the round trip, few enough that a slow job delays little.</summary>
    private const int Depth = 2;

    /// <summary>
    /// A request is written ahead only while it surely fits in the pipe (JSON of N chars is at most 6N bytes): this
    /// thread never blocks writing while the worker may be blocked writing a large answer that this thread would read.
    /// </summary>
    private const int WriteAheadChars = 2_000;

    private readonly SandboxPool _pool;
    private readonly LinkedList<Job> _inFlight = new();
    private readonly ArrayBufferWriter<byte> _buffer = new();
    private readonly Thread _thread;
    private readonly CancellationToken _stopping;
    private SandboxWorker? _worker;
    private Job? _held;
    private long _nextId;
    private long _headStarted;
    private string? _killReason;

    public WorkerSlot(SandboxPool pool, int index, SandboxWorker first, CancellationToken stopping)
    {
        _pool = pool;
        Index = index;
        _worker = first;
        _stopping = stopping;
        _thread = new Thread(Run) { IsBackground = true, Name = $"azr-sandbox-worker-{index}" };
        _thread.Start();
    }

    public int Index { get; }

    /// <summary>Waits for the slot's thread, which ends after the pool stops and its worker is gone.</summary>
    public Task Stopped => Task.Run(_thread.Join);

    /// <summary>Called by the pool's watchdog: kills a worker whose running job is far past its limit.</summary>
    public void CheckResponsive()
    {
        SandboxWorker? worker;
        lock (_inFlight)
        {
            if (_inFlight.First?.Value is not { } head || Stopwatch.GetElapsedTime(_headStarted) <= head.WatchdogLimit)
                return;
            _killReason ??= $"the sandbox worker stopped answering for {head.WatchdogLimit.TotalSeconds:0} s and was replaced";
            worker = _worker;
        }

        worker?.Kill();
    }

    private void Run()
    {
        while (_worker is { } worker)
        {
            using (_stopping.Register(worker.Kill))
                Serve(worker);
            worker.Kill();
            worker.WaitForExitAsync().GetAwaiter().GetResult();
            HandBack(worker);
            worker.DisposeAsync().AsTask().GetAwaiter().GetResult();
            _pool.WorkerGone(this);
            var next = _stopping.IsCancellationRequested ? null : _pool.ReplaceAsync(this, _stopping).GetAwaiter().GetResult();
            lock (_inFlight)
            {
                _worker = next;
                _killReason = null;
            }
        }
    }

    /// <summary>Tops the worker up, reads one answer, repeats; returns when the worker is gone or the pool stops.</summary>
    private void Serve(SandboxWorker worker)
    {
        try
        {
            while (true)
            {
                if (!TopUp(worker))
                    return;
                if (worker.ReadLine() is not { } line || !Deliver(line))
                    return;
            }
        }
        catch (IOException)
        {
            // The worker died mid-write; what it had is handed back by Run.
        }
        catch (OperationCanceledException)
        {
            // The pool is stopping.
        }
        catch (Exception exception) when (exception is ObjectDisposedException or InvalidOperationException)
        {
            Stop($"the sandbox worker's pipes failed ({exception.Message}); it was replaced");
        }
    }

    /// <summary>Writes jobs until <see cref="Depth"/> are in flight, waiting for one only when none is.</summary>
    private bool TopUp(SandboxWorker worker)
    {
        _buffer.ResetWrittenCount();
        while (InFlightCount() < Depth)
        {
            Job job;
            if (_held is not null)
                (job, _held) = (_held, null);
            else if (InFlightCount() == 0)
                job = _pool.Queue.Take(_stopping);
            else if (!_pool.Queue.TryTake(out job))
                break;
            if (job.IsAbandoned)
                continue;
            if (InFlightCount() > 0 && job.Request.Program.Length + job.Request.Input.Length > WriteAheadChars)
            {
                _held = job;
                break;
            }

            if (!Admit(job))
            {
                _pool.Queue.Return(job);
                return false;
            }

            WorkerProtocol.WriteRequest(_buffer, ++_nextId, job);
        }

        if (_buffer.WrittenCount > 0)
        {
            worker.Input.Write(_buffer.WrittenSpan);
            worker.Input.Flush();
        }

        return true;
    }

    private int InFlightCount()
    {
        lock (_inFlight)
            return _inFlight.Count;
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

    /// <summary>Completes the oldest job in flight with the worker's answer; false when the answer is unusable.</summary>
    private bool Deliver(string line)
    {
        WorkerReply reply;
        try
        {
            reply = WorkerProtocol.ReadReply(line);
        }
        catch (System.Text.Json.JsonException exception)
        {
            Stop($"the worker sent an unreadable reply ({exception.Message})");
            return false;
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
            return false;
        }

        job.Complete(reply.ToResult());
        return true;
    }

    private void Stop(string reason)
    {
        lock (_inFlight)
            _killReason ??= reason;
    }

    /// <summary>The running job gets an error; jobs the worker never started go back to the front of the queue.</summary>
    private void HandBack(SandboxWorker worker)
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

        if (_held is not null)
        {
            _pool.Queue.Return(_held);
            _held = null;
        }

        for (var i = 0; i < jobs.Length; i++)
        {
            if (_stopping.IsCancellationRequested)
                jobs[i].Fail(new ObjectDisposedException(nameof(SandboxPool)));
            else if (i == 0)
                jobs[i].Complete(new ExecutionResult(ExecutionStatus.Error, null, reason, ms));
            else
                _pool.Queue.Return(jobs[i]);
        }
    }
}
