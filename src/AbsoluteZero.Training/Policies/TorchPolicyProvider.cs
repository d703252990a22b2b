using AbsoluteZero.Core.Configuration;
using AbsoluteZero.Core.Policy;
using AbsoluteZero.Model;
using static TorchSharp.torch;

namespace AbsoluteZero.Training.Policies;

/// <summary>The TorchSharp policy (docs/model.md), seeded with <c>schedule.seed</c>.</summary>
public sealed class TorchPolicyProvider : IPolicyProvider
{
    public IPolicy Create(RunConfig config) =>
        TorchPolicyFactory.Create(config.Model, config.Optimization, seed: config.Schedule.Seed, totalSteps: config.Schedule.Steps);

    public IPolicy Resume(string checkpoint, RunConfig config) =>
        TorchPolicyFactory.Resume(checkpoint, config.Model, config.Optimization, totalSteps: config.Schedule.Steps);

    public byte[]? CaptureSampling(IPolicy policy)
    {
        using var state = Torch(policy).Generator.get_state();
        return state.bytes.ToArray();
    }

    public void RestoreSampling(IPolicy policy, byte[] state)
    {
        using var saved = tensor(state, dtype: ScalarType.Byte);
        Torch(policy).Generator.set_state(saved);
    }

    private static TorchPolicy Torch(IPolicy policy) =>
        policy as TorchPolicy ?? throw new ArgumentException($"expected the policy this provider created, got {policy.GetType().Name}", nameof(policy));
}
