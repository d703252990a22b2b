using AbsoluteZero.Core.Tasks;

namespace AbsoluteZero.Core.Buffers;

/// <summary>
/// Every random stream a self-play run draws from, one per purpose, all derived from <c>schedule.seed</c>. Saving
/// <see cref="Save"/> with a checkpoint and passing it back on resume continues each stream where it stopped, so a
/// resumed run samples exactly what the uninterrupted run would have.
/// </summary>
public sealed class SamplerStreams
{
    private readonly int _seed;
    private readonly Dictionary<string, AzrRandom> _streams = new(StringComparer.Ordinal);

    public SamplerStreams(int seed, IReadOnlyDictionary<string, RandomState>? saved = null)
    {
        _seed = seed;
        foreach (var (name, state) in saved ?? new Dictionary<string, RandomState>())
            _streams[name] = AzrRandom.Restore(state);
    }

    public static string References(TaskType type) => $"references/{type.JsonName()}";

    public static string SolverBatch(TaskType type) => $"solver/{type.JsonName()}";

    public const string Seeding = "seeding";

    public AzrRandom this[string name] =>
        _streams.TryGetValue(name, out var stream) ? stream : _streams[name] = AzrRandom.Create(_seed, name);

    public IReadOnlyDictionary<string, RandomState> Save() =>
        _streams.ToDictionary(kv => kv.Key, kv => kv.Value.State, StringComparer.Ordinal);
}
