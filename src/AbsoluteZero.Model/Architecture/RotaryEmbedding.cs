using System.Numerics;
using static TorchSharp.torch;

namespace AbsoluteZero.Model.Architecture;

/// <summary>
/// Rotary position embedding, "rotate half" layout (Qwen2 and Llama). The cos/sin tables are a cache, not weights:
/// they stay out of <c>state_dict</c>, are computed in f32 exactly as transformers does (inverse frequencies, then
/// position × frequency) and grow on demand instead of being sized for max_position_embeddings (131k rows for 7B).
/// </summary>
public sealed class RotaryEmbedding : IDisposable
{
    private readonly Tensor _inverseFrequencies;
    private Tensor? _cos;
    private Tensor? _sin;

    public RotaryEmbedding(int headDim, RopeSettings settings, Device device)
    {
        // Computed on the CPU (a few dozen numbers; the meta device has no kernel for where), then moved.
        using var scope = NewDisposeScope();
        var exponents = arange(0, headDim, 2, ScalarType.Int64).to_type(ScalarType.Float32) / headDim;
        var inverse = 1.0f / pow(tensor((float)settings.Theta), exponents);
        if (settings.Llama3 is { } scaling)
            inverse = Llama3Scaled(inverse, scaling);
        _inverseFrequencies = inverse.to(device).DetachFromDisposeScope();
    }

    /// <summary>cos and sin for each position, [B, 1, T, headDim] in <paramref name="dtype"/>.</summary>
    /// <param name="positions">[B, T] int64</param>
    public (Tensor Cos, Tensor Sin) At(Tensor positions, ScalarType dtype)
    {
        EnsureCovers(positions.max().item<long>() + 1);
        var flat = positions.reshape(-1);
        var shape = new[] { positions.shape[0], 1, positions.shape[1], _cos!.shape[1] };
        return (_cos.index_select(0, flat).view(shape).to_type(dtype), _sin!.index_select(0, flat).view(shape).to_type(dtype));
    }

    /// <summary>x·cos + rotate_half(x)·sin, with rotate_half(x) = [−x₂, x₁] over the two halves of the head dimension.</summary>
    public static Tensor Apply(Tensor x, Tensor cos, Tensor sin)
    {
        using var scope = NewDisposeScope();
        var half = x.shape[^1] / 2;
        var rotated = cat([x.narrow(-1, half, half).neg(), x.narrow(-1, 0, half)], -1);
        return (x * cos + rotated * sin).MoveToOuterDisposeScope();
    }

    private void EnsureCovers(long length)
    {
        if (_cos is not null && _cos.shape[0] >= length)
            return;
        var rows = Math.Max(256, (long)BitOperations.RoundUpToPowerOf2((ulong)length));
        using var scope = NewDisposeScope();
        var angles = outer(arange(rows, ScalarType.Int64, _inverseFrequencies.device).to_type(ScalarType.Float32), _inverseFrequencies);
        var doubled = cat([angles, angles], -1);
        _cos?.Dispose();
        _sin?.Dispose();
        _cos = doubled.cos().DetachFromDisposeScope();
        _sin = doubled.sin().DetachFromDisposeScope();
    }

    /// <summary>transformers' <c>_compute_llama3_parameters</c>, in the same f32 operations.</summary>
    private static Tensor Llama3Scaled(Tensor inverse, Llama3RopeScaling s)
    {
        var lowFreqWavelen = s.OriginalMaxPositionEmbeddings / s.LowFreqFactor;
        var highFreqWavelen = s.OriginalMaxPositionEmbeddings / s.HighFreqFactor;
        var wavelen = 2 * Math.PI / inverse;
        var scaled = where(wavelen > lowFreqWavelen, inverse / s.Factor, inverse);
        var smooth = (s.OriginalMaxPositionEmbeddings / wavelen - s.LowFreqFactor) / (s.HighFreqFactor - s.LowFreqFactor);
        var smoothed = (1 - smooth) * scaled / s.Factor + smooth * scaled;
        var medium = (wavelen < highFreqWavelen).logical_not().logical_and((wavelen > lowFreqWavelen).logical_not());
        return where(medium, smoothed, scaled);
    }

    public void Dispose()
    {
        _inverseFrequencies.Dispose();
        _cos?.Dispose();
        _sin?.Dispose();
    }
}
