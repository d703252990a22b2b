using static TorchSharp.torch;

namespace AbsoluteZero.Model.Architecture;

/// <summary>
/// Preallocated keys and values for one generation batch: per layer [B, kvHeads, capacity, headDim], written in place
/// as tokens arrive, so decoding never re-copies the past (a growing torch.cat would copy it every token). All rows
/// share one write position; left padding plus the attention mask takes care of ragged prompts.
/// </summary>
public sealed class KvCache : IDisposable
{
    private readonly Tensor[] _keys;
    private readonly Tensor[] _values;

    public KvCache(ModelConfig config, long batch, long capacity, Placement placement)
    {
        Capacity = capacity;
        _keys = new Tensor[config.NumHiddenLayers];
        _values = new Tensor[config.NumHiddenLayers];
        for (var i = 0; i < _keys.Length; i++)
        {
            // Outside any dispose scope: these live for the whole generation.
            _keys[i] = zeros([batch, config.NumKeyValueHeads, capacity, config.HeadDim], placement.Dtype, placement.Device).DetachFromDisposeScope();
            _values[i] = zeros([batch, config.NumKeyValueHeads, capacity, config.HeadDim], placement.Dtype, placement.Device).DetachFromDisposeScope();
        }
    }

    public long Capacity { get; }

    /// <summary>Slots filled so far (the next write position); advanced by the model after each forward.</summary>
    public long Length { get; internal set; }

    /// <summary>Writes [B, kvH, T, D] at <see cref="Length"/> and returns views of everything cached so far.</summary>
    public (Tensor Keys, Tensor Values) Write(int layer, Tensor keys, Tensor values)
    {
        var count = keys.shape[2];
        if (Length + count > Capacity)
            throw new InvalidOperationException($"KV cache overflow: {Length} + {count} > capacity {Capacity}");
        _keys[layer].narrow(2, Length, count).copy_(keys);
        _values[layer].narrow(2, Length, count).copy_(values);
        return (_keys[layer].narrow(2, 0, Length + count), _values[layer].narrow(2, 0, Length + count));
    }

    public void Dispose()
    {
        foreach (var t in _keys.Concat(_values))
            t.Dispose();
    }
}
