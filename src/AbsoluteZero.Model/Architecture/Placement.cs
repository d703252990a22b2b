using TorchSharp;
using static TorchSharp.torch;

namespace AbsoluteZero.Model.Architecture;

/// <summary>
/// Where a model's weights live and in which dtype. Norms, softmax and log-probs always run in f32 whatever
/// <see cref="Dtype"/> is; only weights and matmuls follow it.
/// </summary>
public sealed record Placement(Device Device, ScalarType Dtype)
{
    public static Placement Cpu32 => new(CPU, ScalarType.Float32);

    /// <summary>An uninitialised parameter: weights come from a checkpoint or from <see cref="ModelInitializer"/>.</summary>
    public TorchSharp.Modules.Parameter Parameter(params long[] shape) =>
        new(torch.empty(shape, Dtype, Device), requires_grad: true);
}
