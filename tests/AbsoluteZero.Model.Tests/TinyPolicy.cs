using AbsoluteZero.Core.Configuration;

namespace AbsoluteZero.Model.Tests;

/// <summary>The <c>tiny</c> preset on the CPU in f32, as CI runs it.</summary>
public static class TinyPolicy
{
    public static readonly ModelSettings Settings = new() { Name = "tiny", Device = ModelDevice.Cpu, Dtype = ModelDtype.Float32 };

    public static TorchPolicy Create(long seed = 11, OptimizationSettings? optimization = null) =>
        TorchPolicyFactory.Create(Settings, optimization ?? new OptimizationSettings { LearningRate = 1e-3, MicroBatchSize = 4 }, seed);
}
