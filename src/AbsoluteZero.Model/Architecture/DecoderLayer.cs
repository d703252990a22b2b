using TorchSharp.Utils;
using static TorchSharp.torch;

namespace AbsoluteZero.Model.Architecture;

/// <summary>One pre-norm transformer block: x + attention(norm(x)), then h + mlp(norm(h)).</summary>
public sealed class DecoderLayer : nn.Module
{
    [ComponentName(Name = "self_attn")] private readonly Attention _selfAttn;
    [ComponentName(Name = "mlp")] private readonly SwiGluMlp _mlp;
    [ComponentName(Name = "input_layernorm")] private readonly RmsNorm _inputLayernorm;
    [ComponentName(Name = "post_attention_layernorm")] private readonly RmsNorm _postAttentionLayernorm;
    private readonly int _index;

    public DecoderLayer(ModelConfig config, int index, Placement placement) : base(nameof(DecoderLayer))
    {
        _index = index;
        _selfAttn = new Attention(config, placement);
        _mlp = new SwiGluMlp(config, placement);
        _inputLayernorm = new RmsNorm(config.HiddenSize, config.RmsNormEps, placement);
        _postAttentionLayernorm = new RmsNorm(config.HiddenSize, config.RmsNormEps, placement);
        RegisterComponents();
    }

    public Tensor Forward(Tensor x, Tensor cos, Tensor sin, Tensor? mask, KvCache? cache)
    {
        // One scope per layer: without a cache (no autograd) each layer's temporaries are freed before the next runs.
        using var scope = NewDisposeScope();
        var h = x + _selfAttn.Forward(_inputLayernorm.forward(x), cos, sin, mask, cache, _index);
        return (h + _mlp.forward(_postAttentionLayernorm.forward(h))).MoveToOuterDisposeScope();
    }
}
