using TorchSharp.Modules;

namespace AbsoluteZero.Model.Architecture;

/// <summary>Linear layers built from uninitialised parameters (TorchSharp's constructor would spend time on an init we overwrite).</summary>
internal static class Layers
{
    public static Linear Linear(long inFeatures, long outFeatures, bool bias, Placement placement) =>
        TorchSharp.torch.nn.Linear(placement.Parameter(outFeatures, inFeatures), bias ? placement.Parameter(outFeatures) : null);
}
