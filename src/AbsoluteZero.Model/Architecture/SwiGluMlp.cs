using TorchSharp.Modules;
using TorchSharp.Utils;
using static TorchSharp.torch;

namespace AbsoluteZero.Model.Architecture;

/// <summary>The feed-forward block: down(silu(gate(x)) · up(x)), no biases.</summary>
public sealed class SwiGluMlp : nn.Module<Tensor, Tensor>
{
    [ComponentName(Name = "gate_proj")] private readonly Linear _gateProj;
    [ComponentName(Name = "up_proj")] private readonly Linear _upProj;
    [ComponentName(Name = "down_proj")] private readonly Linear _downProj;

    public SwiGluMlp(ModelConfig config, Placement placement) : base(nameof(SwiGluMlp))
    {
        _gateProj = Layers.Linear(config.HiddenSize, config.IntermediateSize, config.MlpBias, placement);
        _upProj = Layers.Linear(config.HiddenSize, config.IntermediateSize, config.MlpBias, placement);
        _downProj = Layers.Linear(config.IntermediateSize, config.HiddenSize, config.MlpBias, placement);
        RegisterComponents();
    }

    public override Tensor forward(Tensor x)
    {
        using var scope = NewDisposeScope();
        var gated = nn.functional.silu(_gateProj.forward(x)).mul_(_upProj.forward(x));
        return _downProj.forward(gated).MoveToOuterDisposeScope();
    }
}
