namespace AbsoluteZero.Core.Buffers;

/// <summary>
/// The self-play samplers (AZR.md §5.4), each drawing from its own seeded <see cref="AzrRandom"/> stream.
/// </summary>
public static class TaskSampler
{
    /// <summary>
    /// Proposer references: <c>min(k, count)</c> distinct entries, uniformly without replacement (K = 6 in the
    /// reference; during seeding the buffer may hold fewer).
    /// </summary>
    public static IReadOnlyList<T> References<T>(IReadOnlyList<T> pool, int k, AzrRandom random) =>
        random.SampleIndices(pool.Count, Math.Min(k, pool.Count)).Select(i => pool[i]).ToList();

    /// <summary>One entry uniformly from a pool (the induction proposer's program, from the union of both triplet buffers).</summary>
    public static T One<T>(IReadOnlyList<T> pool, AzrRandom random) =>
        pool.Count > 0 ? pool[random.NextInt(pool.Count)] : throw new InvalidOperationException("cannot sample from an empty pool");

    /// <summary>
    /// A solver batch (reference <c>max_new</c>): entries added within the last <paramref name="window"/> steps come
    /// first, up to <paramref name="batchSize"/> of them uniformly without replacement; the rest is filled uniformly
    /// without replacement from the whole buffer (which may repeat a new entry). A buffer smaller than the remainder
    /// is used whole and the rest drawn with replacement, as the reference pads a short batch by resampling.
    /// </summary>
    /// <param name="usable">Entries a solver may be given (e.g. whose prompt fits); others are never drawn.</param>
    public static IReadOnlyList<BufferEntry<T>> SolverBatch<T>(
        IReadOnlyList<BufferEntry<T>> buffer, int currentStep, int window, int batchSize, AzrRandom random, Func<BufferEntry<T>, bool>? usable = null)
        where T : class
    {
        var pool = usable is null ? buffer : buffer.Where(usable).ToList();
        if (pool.Count == 0)
            throw new InvalidOperationException("the buffer has no task a solver can be given");

        var fresh = pool.Where(e => currentStep - e.Step <= window).ToList();
        var batch = References(fresh, batchSize, random).ToList();
        var remaining = batchSize - batch.Count;
        var fill = Math.Min(remaining, pool.Count);
        batch.AddRange(References(pool, fill, random));
        for (var i = fill; i < remaining; i++)
            batch.Add(One(pool, random));
        return batch;
    }
}
