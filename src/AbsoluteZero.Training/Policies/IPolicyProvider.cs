using AbsoluteZero.Core.Configuration;
using AbsoluteZero.Core.Policy;

namespace AbsoluteZero.Training.Policies;

/// <summary>
/// Where a session gets its policy: fresh from the run's model settings, or from a checkpoint it wrote. It also snapshots
/// the policy's token sampler, so that a step abandoned on a stop request can be undone before the stop checkpoint is
/// written and the resumed run samples what an uninterrupted run would have.
/// </summary>
public interface IPolicyProvider
{
    IPolicy Create(RunConfig config);

    /// <summary>The policy saved in <paramref name="checkpoint"/> by <see cref="IPolicy.Save"/>, with its optimizer and sampler state.</summary>
    IPolicy Resume(string checkpoint, RunConfig config);

    /// <summary>The sampler's state, or null when this policy has none to restore.</summary>
    byte[]? CaptureSampling(IPolicy policy);

    void RestoreSampling(IPolicy policy, byte[] state);
}
