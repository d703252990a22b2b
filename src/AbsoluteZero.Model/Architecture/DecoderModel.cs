using TorchSharp.Modules;
using TorchSharp.Utils;
using static TorchSharp.torch;

namespace AbsoluteZero.Model.Architecture;

/// <summary>The transformer body Hugging Face calls <c>model</c>: embed_tokens, layers.{i}, norm.</summary>
public sealed class DecoderModel : nn.Module
{
    [ComponentName(Name = "embed_tokens")] private readonly TokenEmbedding _embedTokens;
    [ComponentName(Name = "layers")] private readonly ModuleList<DecoderLayer> _layers;
    [ComponentName(Name = "norm")] private readonly RmsNorm _norm;
    private readonly RotaryEmbedding _rotary;

    public DecoderModel(ModelConfig config, Placement placement) : base(nameof(DecoderModel))
    {
        _embedTokens = new TokenEmbedding(config.VocabSize, config.HiddenSize, placement);
        _layers = new ModuleList<DecoderLayer>(Enumerable.Range(0, config.NumHiddenLayers).Select(i => new DecoderLayer(config, i, placement)).ToArray());
        _norm = new RmsNorm(config.HiddenSize, config.RmsNormEps, placement);
        _rotary = new RotaryEmbedding(config.HeadDim, config.Rope, placement.Device);
        RegisterComponents();
    }

    public TokenEmbedding EmbedTokens => _embedTokens;

    /// <param name="ids">[B, T] int64</param>
    /// <param name="positions">[B, T] int64 rotary positions (per row, from the padding mask)</param>
    /// <param name="mask">[B, 1, T, S] additive f32 (see <see cref="AttentionMask"/>)</param>
    /// <param name="cache">written at its current length, which then advances by T</param>
    /// <returns>[B, T, hidden] after the final norm</returns>
    public Tensor Forward(Tensor ids, Tensor positions, Tensor? mask, KvCache? cache)
    {
        using var scope = NewDisposeScope();
        var h = _embedTokens.forward(ids);
        var (cos, sin) = _rotary.At(positions, h.dtype);
        foreach (var layer in _layers)
            h = layer.Forward(h, cos, sin, mask, cache);
        if (cache is not null)
            cache.Length += ids.shape[1];
        return _norm.forward(h).MoveToOuterDisposeScope();
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
            _rotary.Dispose();
        base.Dispose(disposing);
    }
}
