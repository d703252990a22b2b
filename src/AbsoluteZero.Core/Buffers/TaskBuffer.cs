using AbsoluteZero.Core.Configuration;

namespace AbsoluteZero.Core.Buffers;

/// <summary>A task in a buffer with the global step at which it was added (0 for seeds) and the proposer's thought.</summary>
public sealed record BufferEntry<T>(T Task, int Step)
    where T : class
{
    public string? Thought { get; init; }
}

/// <summary>What one <see cref="TaskBuffer{T}.Add"/> did: entries kept, and entries dropped by the cap.</summary>
public sealed record BufferAddResult(int Added, int Dropped);

/// <summary>
/// One task buffer (abduction, deduction or induction; AZR.md §5). Valid tasks are appended in order, with no
/// deduplication during self-play; after each append the cap applies: the reference keeps the oldest entries (new
/// tasks are dropped once full), <see cref="BufferOverflow.EvictOldest"/> drops the oldest instead.
/// </summary>
public sealed class TaskBuffer<T>
    where T : class
{
    private readonly List<BufferEntry<T>> _entries = [];

    public TaskBuffer(int capacity, BufferOverflow overflow)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(capacity);
        Capacity = capacity;
        Overflow = overflow;
    }

    public int Capacity { get; }

    public BufferOverflow Overflow { get; }

    public IReadOnlyList<BufferEntry<T>> Entries => _entries;

    public int Count => _entries.Count;

    public BufferAddResult Add(IEnumerable<BufferEntry<T>> entries)
    {
        var before = _entries.Count;
        _entries.AddRange(entries);
        var appended = _entries.Count - before;
        var excess = _entries.Count - Capacity;
        if (excess <= 0)
            return new BufferAddResult(appended, 0);

        if (Overflow == BufferOverflow.KeepOldest)
        {
            _entries.RemoveRange(Capacity, excess);
            return new BufferAddResult(appended - excess, excess);
        }

        _entries.RemoveRange(0, excess);
        return new BufferAddResult(Math.Min(appended, Capacity), excess);
    }

    public BufferAddResult Add(IEnumerable<T> tasks, int step) => Add(tasks.Select(t => new BufferEntry<T>(t, step)));

    /// <summary>Entries added in the last <paramref name="window"/> steps: <c>currentStep − step ≤ window</c>, as the reference counts them.</summary>
    public IReadOnlyList<BufferEntry<T>> AddedWithin(int currentStep, int window) =>
        _entries.Where(e => currentStep - e.Step <= window).ToList();
}
