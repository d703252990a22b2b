using static TorchSharp.torch;

namespace AbsoluteZero.Model.Architecture;

/// <summary>
/// Seeded random weights, as transformers' <c>_init_weights</c> draws them: matrices N(0, σ), biases 0, norm
/// weights 1. Parameters are visited in state_dict order with one generator, so a seed always gives the same model.
/// </summary>
public static class ModelInitializer
{
    public static void Initialize(CausalLM model, long seed, double std = 0.02)
    {
        using var _ = no_grad();
        using var generator = new Generator((ulong)seed, model.Placement.Device);
        foreach (var (name, parameter) in model.named_parameters())
        {
            if (name.EndsWith("norm.weight", StringComparison.Ordinal))
                parameter.fill_(1.0);
            else if (name.EndsWith(".bias", StringComparison.Ordinal))
                parameter.zero_();
            else
                parameter.normal_(0.0, std, generator);
        }
    }
}
