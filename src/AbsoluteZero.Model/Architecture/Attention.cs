using TorchSharp.Modules;
using TorchSharp.Utils;
using static TorchSharp.torch;

namespace AbsoluteZero.Model.Architecture;

/// <summary>
/// Grouped-query self-attention. q/k/v carry a bias when the config says so (Qwen2 always), o_proj never does.
/// The query heads that share a key/value head are stacked along the query axis, so one batched matmul per group
/// reads each cached key once: no repeat_interleave copy of the cache, which dominates decoding otherwise.
/// Scores are softmaxed in f32 whatever the weight dtype.
/// </summary>
public sealed class Attention : nn.Module
{
    [ComponentName(Name = "q_proj")] private readonly Linear _qProj;
    [ComponentName(Name = "k_proj")] private readonly Linear _kProj;
    [ComponentName(Name = "v_proj")] private readonly Linear _vProj;
    [ComponentName(Name = "o_proj")] private readonly Linear _oProj;
    private readonly int _heads;
    private readonly int _kvHeads;
    private readonly int _headDim;
    private readonly double _scale;

    public Attention(ModelConfig config, Placement placement) : base(nameof(Attention))
    {
        _heads = config.NumAttentionHeads;
        _kvHeads = config.NumKeyValueHeads;
        _headDim = config.HeadDim;
        _scale = 1.0 / Math.Sqrt(_headDim);
        _qProj = Layers.Linear(config.HiddenSize, _heads * _headDim, config.AttentionBias, placement);
        _kProj = Layers.Linear(config.HiddenSize, _kvHeads * _headDim, config.AttentionBias, placement);
        _vProj = Layers.Linear(config.HiddenSize, _kvHeads * _headDim, config.AttentionBias, placement);
        _oProj = Layers.Linear(_heads * _headDim, config.HiddenSize, bias: false, placement);
        RegisterComponents();
    }

    /// <param name="x">[B, T, hidden]</param>
    /// <param name="cos">[B, 1, T, headDim], as <paramref name="sin"/></param>
    /// <param name="mask">[B, 1, T, S] additive f32, S = cached + T</param>
    /// <param name="cache">null for a full forward (training, scoring)</param>
    /// <returns>[B, T, hidden]</returns>
    public Tensor Forward(Tensor x, Tensor cos, Tensor sin, Tensor mask, KvCache? cache, int layer)
    {
        using var scope = NewDisposeScope();
        long batch = x.shape[0], length = x.shape[1], groups = _heads / _kvHeads;
        var q = RotaryEmbedding.Apply(_qProj.forward(x).view(batch, length, _heads, _headDim).transpose(1, 2), cos, sin);
        var k = RotaryEmbedding.Apply(_kProj.forward(x).view(batch, length, _kvHeads, _headDim).transpose(1, 2), cos, sin);
        var v = _vProj.forward(x).view(batch, length, _kvHeads, _headDim).transpose(1, 2);
        if (cache is not null)
            (k, v) = cache.Write(layer, k, v);

        var keys = k.shape[2];
        // [B, H, T, D] → [B, kvH, groups·T, D]: the query heads of one group read the same keys.
        var grouped = (q * _scale).contiguous().view(batch, _kvHeads, groups * length, _headDim);
        var scores = matmul(grouped, k.transpose(-1, -2)).view(batch, _kvHeads, groups, length, keys);
        var probabilities = (scores.to_type(ScalarType.Float32) + mask.unsqueeze(2)).softmax(-1).to_type(v.dtype);
        var attended = matmul(probabilities.view(batch, _kvHeads, groups * length, keys), v)
            .view(batch, _heads, length, _headDim)
            .transpose(1, 2)
            .reshape(batch, length, _heads * _headDim);
        return _oProj.forward(attended).MoveToOuterDisposeScope();
    }
}
