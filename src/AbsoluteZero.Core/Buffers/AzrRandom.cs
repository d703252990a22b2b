using System.Numerics;
using System.Text;

namespace AbsoluteZero.Core.Buffers;

/// <summary>The whole state of one <see cref="AzrRandom"/> stream; saving it with a checkpoint lets a resumed run continue the same stream.</summary>
public sealed record RandomState(ulong S0, ulong S1, ulong S2, ulong S3);

/// <summary>
/// A seeded random stream for the self-play samplers (xoshiro256**, seeded through SplitMix64). Unlike
/// <see cref="Random"/> its state is four numbers that can be saved and restored, and its output is the same on
/// every platform and .NET version, so a run's sampling depends only on <c>schedule.seed</c> and the stream name.
/// </summary>
public sealed class AzrRandom
{
    private ulong _s0, _s1, _s2, _s3;

    private AzrRandom(RandomState state)
    {
        if ((state.S0 | state.S1 | state.S2 | state.S3) == 0)
            throw new ArgumentException("an all-zero xoshiro state never leaves zero", nameof(state));
        (_s0, _s1, _s2, _s3) = (state.S0, state.S1, state.S2, state.S3);
    }

    /// <summary>A stream derived from the run seed and a stable name, e.g. <c>references/abduction</c>.</summary>
    public static AzrRandom Create(int seed, string stream)
    {
        // FNV-1a over the name keeps streams independent of each other and of creation order.
        var h = 14695981039346656037UL;
        foreach (var b in Encoding.UTF8.GetBytes(stream))
            h = (h ^ b) * 1099511628211UL;
        var x = h ^ (ulong)(uint)seed;
        return new AzrRandom(new RandomState(SplitMix(ref x), SplitMix(ref x), SplitMix(ref x), SplitMix(ref x)));
    }

    public static AzrRandom Restore(RandomState state) => new(state);

    public RandomState State => new(_s0, _s1, _s2, _s3);

    public ulong NextUInt64()
    {
        var result = BitOperations.RotateLeft(_s1 * 5, 7) * 9;
        var t = _s1 << 17;
        _s2 ^= _s0;
        _s3 ^= _s1;
        _s1 ^= _s2;
        _s0 ^= _s3;
        _s2 ^= t;
        _s3 = BitOperations.RotateLeft(_s3, 45);
        return result;
    }

    /// <summary>Uniform in [0, <paramref name="bound"/>), without modulo bias (Lemire's method).</summary>
    public int NextInt(int bound)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(bound);
        var n = (ulong)bound;
        var m = (UInt128)NextUInt64() * n;
        if ((ulong)m < n)
        {
            var threshold = (0 - n) % n;
            while ((ulong)m < threshold)
                m = (UInt128)NextUInt64() * n;
        }

        return (int)(m >> 64);
    }

    /// <summary>Uniform in [0, 1) with 53 random bits.</summary>
    public double NextDouble() => (NextUInt64() >> 11) * (1.0 / (1UL << 53));

    /// <summary>
    /// <paramref name="count"/> distinct indices of [0, <paramref name="population"/>) in random order, each subset
    /// equally likely (a partial Fisher–Yates shuffle over a sparse swap table, so cost grows with the count only).
    /// </summary>
    public int[] SampleIndices(int population, int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(population);
        if (count < 0 || count > population)
            throw new ArgumentOutOfRangeException(nameof(count), count, $"cannot draw {count} distinct items from {population}");
        var swapped = new Dictionary<int, int>();
        var result = new int[count];
        for (var i = 0; i < count; i++)
        {
            var j = i + NextInt(population - i);
            var atJ = swapped.GetValueOrDefault(j, j);
            swapped[j] = swapped.GetValueOrDefault(i, i);
            result[i] = atJ;
        }

        return result;
    }

    private static ulong SplitMix(ref ulong x)
    {
        var z = x += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}
