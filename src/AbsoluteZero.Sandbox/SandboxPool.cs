using AbsoluteZero.Core.Execution;
using AbsoluteZero.Sandbox.Workers;

namespace AbsoluteZero.Sandbox;

/// <summary>
/// The executor: a pool of warm Python workers under bubblewrap, each forking one confined child per execution
/// (docs/sandbox.md). Requests from any number of callers share one queue; a dead worker is replaced and the pool
/// keeps serving. Start one with <see cref="SandboxExecutorFactory"/>; dispose it to stop every process it started.
/// </summary>
public sealed class SandboxPool : ICodeExecutor, IAsyncDisposable
{
    private static readonly TimeSpan MaxRestartBackoff = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan WatchdogPeriod = TimeSpan.FromMilliseconds(500);

    private readonly ProcessSpawner _spawner = new();
    private readonly CancellationTokenSource _stopping = new();
    private readonly List<WorkerSlot> _slots = [];
    private Timer? _watchdog;
    private readonly Action<string> _log;
    private readonly string _hostScratchRoot;
    private int _live;
    private int _disposed;

    private SandboxPool(SandboxOptions options, Action<string> log)
    {
        Options = options;
        _log = log;
        Tag = $"azr-sandbox-{Guid.NewGuid():N}";
        _hostScratchRoot = Path.Combine(Path.GetTempPath(), Tag);
    }

    public SandboxOptions Options { get; }

    /// <summary>Appears on the command line of every process of this pool, so they can be found (and proven gone).</summary>
    public string Tag { get; }

    /// <summary>Workers currently up.</summary>
    public int LiveWorkers => Volatile.Read(ref _live);

    internal JobQueue Queue { get; } = new();

    internal static async Task<SandboxPool> StartAsync(SandboxOptions options, Action<string> log, CancellationToken cancellationToken)
    {
        var pool = new SandboxPool(options, log);
        try
        {
            if (options.Isolation == SandboxIsolation.None)
                log(SandboxMessages.UnsandboxedWarning);
            var workers = new List<SandboxWorker> { await pool.StartFirstWorkerAsync(cancellationToken).ConfigureAwait(false) };
            var others = Enumerable.Range(1, options.EffectiveWorkers - 1).Select(index => pool.StartWorkerAsync(index, cancellationToken)).ToList();
            try
            {
                await Task.WhenAll(others).ConfigureAwait(false);
            }
            catch (Exception exception)
            {
                foreach (var worker in workers.Concat(others.Where(task => task.IsCompletedSuccessfully).Select(task => task.Result)))
                    await worker.DisposeAsync().ConfigureAwait(false);
                throw exception as SandboxUnavailableException
                    ?? new SandboxUnavailableException(SandboxMessages.CannotStart(options, exception.Message, missingProgram: false));
            }

            workers.AddRange(others.Select(task => task.Result));
            foreach (var (worker, index) in workers.Select((worker, index) => (worker, index)))
            {
                Interlocked.Increment(ref pool._live);
                pool._slots.Add(new WorkerSlot(pool, index, worker, pool._stopping.Token));
            }

            // Each worker enforces every timeout itself; this only catches a worker that stopped answering at all.
            pool._watchdog = new Timer(_ => pool._slots.ForEach(slot => slot.CheckResponsive()), null, WatchdogPeriod, WatchdogPeriod);

            return pool;
        }
        catch
        {
            await pool.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    public async Task<IReadOnlyList<ExecutionResult>> ExecuteAsync(IReadOnlyList<ExecutionRequest> requests, CancellationToken cancellationToken = default)
    {
        ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);
        ArgumentNullException.ThrowIfNull(requests);
        var batch = new Batch(requests.Count);
        var jobs = new Job[requests.Count];
        for (var i = 0; i < jobs.Length; i++)
            jobs[i] = new Job(batch, i, Checked(requests[i], i), requests[i].TimeoutMs ?? Options.TimeoutMs);
        foreach (var job in jobs)
            Queue.Add(job);
        await using var cancelling = cancellationToken.Register(batch.Cancel);
        return await batch.Completion.ConfigureAwait(false);
    }

    /// <summary>Stops every worker (killing programs still running) and waits until all of their processes are gone.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
            return;
        if (_watchdog is not null)
            await _watchdog.DisposeAsync().ConfigureAwait(false);
        await _stopping.CancelAsync().ConfigureAwait(false);
        await Task.WhenAll(_slots.Select(slot => slot.Stopped)).ConfigureAwait(false);
        while (Queue.TryTake(out var job))
            job.Fail(new ObjectDisposedException(nameof(SandboxPool)));
        _spawner.Dispose();
        _stopping.Dispose();
        if (Directory.Exists(_hostScratchRoot))
            Directory.Delete(_hostScratchRoot, recursive: true);
    }

    internal void WorkerGone(WorkerSlot slot)
    {
        Interlocked.Decrement(ref _live);
        if (!_stopping.IsCancellationRequested)
            _log($"sandbox worker {slot.Index} of {Tag} is gone; starting a replacement");
    }

    /// <summary>Starts a replacement, retrying with backoff; while no worker at all is up, queued jobs fail instead of waiting.</summary>
    internal async Task<SandboxWorker?> ReplaceAsync(WorkerSlot slot, CancellationToken stopping)
    {
        var backoff = TimeSpan.FromMilliseconds(100);
        while (!stopping.IsCancellationRequested)
        {
            try
            {
                var worker = await StartWorkerAsync(slot.Index, stopping).ConfigureAwait(false);
                Interlocked.Increment(ref _live);
                return worker;
            }
            catch (OperationCanceledException) when (stopping.IsCancellationRequested)
            {
                return null;
            }
            catch (Exception exception)
            {
                _log($"sandbox worker {slot.Index} of {Tag} could not be restarted: {exception.Message}");
                if (LiveWorkers == 0)
                    FailQueued($"no sandbox worker is running: {exception.Message}");
            }

            try
            {
                await Task.Delay(backoff, stopping).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return null;
            }

            backoff = TimeSpan.FromTicks(Math.Min(backoff.Ticks * 2, MaxRestartBackoff.Ticks));
        }

        return null;
    }

    private void FailQueued(string reason)
    {
        while (Queue.TryTake(out var job))
            job.Complete(new ExecutionResult(ExecutionStatus.Error, null, reason, 0));
    }

    /// <summary>The first worker is the probe: if bwrap cannot build the sandbox, the pool refuses to start and says why.</summary>
    private async Task<SandboxWorker> StartFirstWorkerAsync(CancellationToken cancellationToken)
    {
        SandboxWorker worker;
        try
        {
            worker = await StartWorkerAsync(0, cancellationToken).ConfigureAwait(false);
        }
        catch (WorkerStartException exception)
        {
            throw new SandboxUnavailableException(SandboxMessages.CannotStart(Options, exception.Message, exception.MissingProgram));
        }

        if (Options.Isolation == SandboxIsolation.Bwrap && SandboxMessages.IsolationGaps(worker.Hello) is { Count: > 0 } gaps)
        {
            await worker.DisposeAsync().ConfigureAwait(false);
            throw new SandboxUnavailableException(SandboxMessages.NotIsolated(gaps));
        }

        return worker;
    }

    private async Task<SandboxWorker> StartWorkerAsync(int index, CancellationToken cancellationToken)
    {
        var scratch = Path.Combine(_hostScratchRoot, index.ToString(System.Globalization.CultureInfo.InvariantCulture));
        if (Options.Isolation == SandboxIsolation.None)
        {
            if (Directory.Exists(scratch))
                Directory.Delete(scratch, recursive: true);
            Directory.CreateDirectory(scratch);
        }

        return await SandboxWorker.StartAsync(_spawner, WorkerLaunch.Create(Options, Tag, scratch), cancellationToken).ConfigureAwait(false);
    }

    private static ExecutionRequest Checked(ExecutionRequest request, int index)
    {
        if (request is null || request.Program is null || request.Input is null)
            throw new ArgumentException($"request {index} has no program or no input", nameof(request));
        if (request.TimeoutMs is <= 0)
            throw new ArgumentException($"request {index} has timeout_ms {request.TimeoutMs}; it must be positive", nameof(request));
        return request;
    }
}
