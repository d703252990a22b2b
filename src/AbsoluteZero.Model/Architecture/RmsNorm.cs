using TorchSharp.Modules;
using static TorchSharp.torch;

namespace AbsoluteZero.Model.Architecture;

/// <summary>
/// RMSNorm as Hugging Face computes it: normalise in f32 whatever the input dtype, cast back, then scale by the weight.
/// Reduced precision here would shift every layer's activations, so f32 is not optional.
/// </summary>
public sealed class RmsNorm : nn.Module<Tensor, Tensor>
{
#pragma warning disable IDE1006 // state_dict key: Hugging Face's name
    private readonly Parameter weight;
#pragma warning restore IDE1006
    private readonly double _eps;

    public RmsNorm(long size, double eps, Placement placement) : base(nameof(RmsNorm))
    {
        weight = placement.Parameter(size);
        _eps = eps;
        RegisterComponents();
    }

    public override Tensor forward(Tensor x)
    {
        using var scope = NewDisposeScope();
        var f32 = x.to_type(ScalarType.Float32);
        var normed = f32 * f32.pow(2).mean([-1], keepdim: true).add(_eps).rsqrt();
        return (weight * normed.to_type(x.dtype)).MoveToOuterDisposeScope();
    }
}
