using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace AbsoluteZero.Web.Training;

/// <summary>
/// The training child's path to the database. Records are queued (a bounded channel) and written by one background
/// task in batches (<see cref="RunRecordWriter"/>), so a step never waits on PostgreSQL. A write that fails for a
/// transient reason (connection lost, server restarting) is retried with back-off, keeping the batch; one the database
/// refuses (the run was deleted, a value out of range) faults the recorder and the next report throws, which stops the
/// training rather than losing records silently. Only when the queue is full, i.e. the database has been unreachable
/// for a long time, does reporting wait.
/// </summary>
public sealed class RunRecorder : IAsyncDisposable
{
    /// <summary>Most records in one transaction.</summary>
    public const int MaxBatch = 5000;

    private static readonly TimeSpan MaxBackoff = TimeSpan.FromSeconds(30);

    private readonly NpgsqlDataSource _database;
    private readonly long _runId;
    private readonly ILogger _log;
    private readonly Channel<RunRecord> _queue;
    private readonly Task _writing;
    private readonly CancellationTokenSource _abandon = new();
    private Exception? _fault;

    public RunRecorder(NpgsqlDataSource database, long runId, ILogger log, int capacity = 100_000)
    {
        _database = database;
        _runId = runId;
        _log = log;
        _queue = Channel.CreateBounded<RunRecord>(new BoundedChannelOptions(capacity)
        {
            SingleReader = true,
            FullMode = BoundedChannelFullMode.Wait,
        });
        _writing = Task.Run(WriteLoopAsync);
    }

    public long RunId => _runId;

    /// <summary>Queues a record; waits only while the queue is full. Throws once the recorder has failed for good.</summary>
    public void Add(RunRecord record)
    {
        if (_fault is { } fault)
            throw new InvalidOperationException($"recording run {_runId} to the database failed: {fault.Message}", fault);
        if (!_queue.Writer.TryWrite(record))
            _queue.Writer.WriteAsync(record).AsTask().GetAwaiter().GetResult();
    }

    /// <summary>
    /// Writes everything queued, waiting at most <paramref name="timeout"/>; throws when records could not be written.
    /// Nothing may be added afterwards.
    /// </summary>
    public async Task CompleteAsync(TimeSpan timeout)
    {
        _queue.Writer.TryComplete();
        try
        {
            await _writing.WaitAsync(timeout);
        }
        catch (TimeoutException)
        {
            await _abandon.CancelAsync();
            throw new InvalidOperationException($"run {_runId}: the database did not take the last records within {timeout}");
        }

        if (_fault is { } fault)
            throw new InvalidOperationException($"recording run {_runId} to the database failed: {fault.Message}", fault);
    }

    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        await _abandon.CancelAsync();
        await _writing.ContinueWith(_ => { }, TaskScheduler.Default);
        _abandon.Dispose();
    }

    private async Task WriteLoopAsync()
    {
        var batch = new List<RunRecord>();
        try
        {
            while (await _queue.Reader.WaitToReadAsync(_abandon.Token))
            {
                while (batch.Count < MaxBatch && _queue.Reader.TryRead(out var record))
                    batch.Add(record);
                await WriteWithRetriesAsync(batch);
                batch.Clear();
            }
        }
        catch (OperationCanceledException) when (_abandon.IsCancellationRequested)
        {
        }
        catch (Exception e)
        {
            _fault = e;
            _log.LogError(e, "Run {RunId}: the database refused a batch of {Count} records", _runId, batch.Count);
            // Unblock a reporter waiting on a full queue; it will see the fault on its next report.
            while (_queue.Reader.TryRead(out _))
            {
            }
        }
    }

    private async Task WriteWithRetriesAsync(IReadOnlyList<RunRecord> batch)
    {
        var delay = TimeSpan.FromSeconds(1);
        while (true)
        {
            try
            {
                await RunRecordWriter.WriteAsync(_database, _runId, batch, _abandon.Token);
                return;
            }
            catch (Exception e) when (IsTransient(e) && !_abandon.IsCancellationRequested)
            {
                _log.LogWarning("Run {RunId}: writing {Count} records failed ({Error}); retrying in {Delay}", _runId, batch.Count, e.Message, delay);
                await Task.Delay(delay, _abandon.Token);
                delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, MaxBackoff.Ticks));
            }
        }
    }

    /// <summary>Connection trouble is worth waiting out; a refusal by the server (constraint, data) is not.</summary>
    private static bool IsTransient(Exception e) => e switch
    {
        PostgresException pg => pg.IsTransient,
        NpgsqlException npgsql => npgsql.IsTransient || npgsql.InnerException is IOException or System.Net.Sockets.SocketException or TimeoutException,
        IOException or System.Net.Sockets.SocketException or TimeoutException => true,
        _ => false,
    };
}
