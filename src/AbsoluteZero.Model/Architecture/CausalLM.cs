using TorchSharp.Modules;
using TorchSharp.Utils;
using static TorchSharp.torch;

namespace AbsoluteZero.Model.Architecture;

/// <summary>
/// Qwen2ForCausalLM / LlamaForCausalLM: the decoder body plus the LM head. A tied head is the embedding matrix
/// itself and no <c>lm_head</c> is registered, so state_dict keys equal the checkpoint's (tied HF files have no
/// lm_head.weight) and no second vocab × hidden copy exists.
/// </summary>
public sealed class CausalLM : nn.Module
{
    [ComponentName(Name = "model")] private readonly DecoderModel _model;
    [ComponentName(Name = "lm_head")] private readonly Linear? _lmHead;

    public CausalLM(ModelConfig config, Placement placement) : base(nameof(CausalLM))
    {
        Config = config;
        Placement = placement;
        _model = new DecoderModel(config, placement);
        if (!config.TieWordEmbeddings)
            _lmHead = Layers.Linear(config.HiddenSize, config.VocabSize, bias: false, placement);
        RegisterComponents();
    }

    public ModelConfig Config { get; }

    public Placement Placement { get; }

    /// <summary>Final hidden states; see <see cref="DecoderModel.Forward"/>.</summary>
    public Tensor Hidden(Tensor ids, Tensor positions, Tensor? mask, KvCache? cache = null) =>
        _model.Forward(ids, positions, mask, cache);

    /// <summary>Logits in f32: [..., hidden] → [..., vocab]. The matmul runs in the weights' dtype.</summary>
    public Tensor Logits(Tensor hidden)
    {
        using var scope = NewDisposeScope();
        var weight = _lmHead?.weight ?? _model.EmbedTokens.Weight;
        return nn.functional.linear(hidden, weight).to_type(ScalarType.Float32).MoveToOuterDisposeScope();
    }

    /// <summary>A full forward over unpadded, right- or left-padded rows, logits at every position: [B, T, vocab] f32.</summary>
    /// <param name="valid">[B, T] bool, false at padding</param>
    public Tensor Forward(Tensor ids, Tensor valid)
    {
        using var scope = NewDisposeScope();
        var hidden = Hidden(ids, AttentionMask.Positions(valid), AttentionMask.ForRows(valid));
        return Logits(hidden).MoveToOuterDisposeScope();
    }
}
