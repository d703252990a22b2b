using AbsoluteZero.Core.Configuration;
using AbsoluteZero.Model.Safetensors;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace AbsoluteZero.Model.Training;

/// <summary>
/// AdamW (decoupled weight decay, bias-corrected moments) as torch.optim.AdamW computes it, written out so that
/// (1) its whole state saves to safetensors with the checkpoint and a resumed run continues bit for bit,
/// (2) weights held in bf16 get an f32 master copy: at the reference's lr of 1e-6 a bf16 weight would round most
/// updates away, and (3) norms and biases are excluded from weight decay by name.
/// Moments are f32 whatever the weight dtype.
/// </summary>
public sealed class AdamW : IDisposable
{
    public const string StateFile = "optimizer.safetensors";

    private readonly Slot[] _slots;
    private readonly OptimizationSettings _settings;

    public AdamW(IEnumerable<(string Name, Parameter Parameter)> parameters, OptimizationSettings settings)
    {
        _settings = settings;
        using var _ = no_grad();
        _slots = parameters.Select(p => new Slot(p.Name, p.Parameter, settings.WeightDecay > 0 && Decays(p.Name))).ToArray();
    }

    /// <summary>Optimizer steps taken so far.</summary>
    public long Steps { get; private set; }

    public IEnumerable<Parameter> Parameters => _slots.Select(s => s.Parameter);

    /// <summary>Weight decay applies to matrices (projections, embeddings), not to norm weights or biases.</summary>
    public static bool Decays(string name) => !name.EndsWith(".bias", StringComparison.Ordinal) && !name.Contains("norm", StringComparison.Ordinal);

    public void Step(double learningRate)
    {
        Steps++;
        var beta1 = _settings.Beta1;
        var beta2 = _settings.Beta2;
        var correction1 = 1 - Math.Pow(beta1, Steps);
        var correction2Sqrt = Math.Sqrt(1 - Math.Pow(beta2, Steps));
        using var _ = no_grad();
        foreach (var slot in _slots)
        {
            if (slot.Parameter.grad is not { } grad)
                continue;
            using var scope = NewDisposeScope();
            var g = grad.to_type(ScalarType.Float32);
            var weight = slot.Master ?? slot.Parameter;
            if (slot.Decay)
                weight.mul_(1 - learningRate * _settings.WeightDecay);
            slot.ExpAvg.mul_(beta1).add_(g, alpha: 1 - beta1);
            slot.ExpAvgSq.mul_(beta2).addcmul_(g, g, value: 1 - beta2);
            var denominator = (slot.ExpAvgSq.sqrt() / correction2Sqrt).add_(_settings.AdamEpsilon);
            weight.addcdiv_(slot.ExpAvg, denominator, value: -learningRate / correction1);
            if (slot.Master is not null)
                slot.Parameter.copy_(slot.Master);
        }
    }

    public void ZeroGrad()
    {
        foreach (var slot in _slots)
            slot.Parameter.grad?.zero_();
    }

    /// <summary>Moments (and master weights) as safetensors; the step count goes with the caller's state file.</summary>
    public void Save(string folder)
    {
        var tensors = new List<(string, Tensor)>();
        foreach (var slot in _slots)
        {
            tensors.Add(($"exp_avg.{slot.Name}", slot.ExpAvg));
            tensors.Add(($"exp_avg_sq.{slot.Name}", slot.ExpAvgSq));
            if (slot.Master is not null)
                tensors.Add(($"master.{slot.Name}", slot.Master));
        }

        SafetensorsWriter.Write(Path.Combine(folder, StateFile), tensors);
    }

    public void Load(string folder, long steps)
    {
        var path = Path.Combine(folder, StateFile);
        using var file = SafetensorsFile.Open(path);
        using var _ = no_grad();
        foreach (var slot in _slots)
        {
            Restore(file, $"exp_avg.{slot.Name}", slot.ExpAvg);
            Restore(file, $"exp_avg_sq.{slot.Name}", slot.ExpAvgSq);
            if (slot.Master is not null)
            {
                if (file.Entries.ContainsKey($"master.{slot.Name}"))
                    Restore(file, $"master.{slot.Name}", slot.Master);
                else
                    slot.Master.copy_(slot.Parameter);
            }
        }

        Steps = steps;
    }

    private static void Restore(SafetensorsFile file, string name, Tensor destination)
    {
        if (!file.Entries.TryGetValue(name, out var entry))
            throw new InvalidDataException($"{file.Path} lacks '{name}': the optimizer state does not belong to this model");
        if (!entry.Shape.SequenceEqual(destination.shape))
            throw new InvalidDataException($"{file.Path}: '{name}' has shape [{string.Join(", ", entry.Shape)}], expected [{string.Join(", ", destination.shape)}]");
        using var source = file.Read(name);
        destination.copy_(source);
    }

    public void Dispose()
    {
        foreach (var slot in _slots)
            slot.Dispose();
    }

    private sealed class Slot : IDisposable
    {
        public Slot(string name, Parameter parameter, bool decay)
        {
            Name = name;
            Parameter = parameter;
            Decay = decay;
            ExpAvg = zeros(parameter.shape, ScalarType.Float32, parameter.device).DetachFromDisposeScope();
            ExpAvgSq = zeros(parameter.shape, ScalarType.Float32, parameter.device).DetachFromDisposeScope();
            using var scope = NewDisposeScope();
            Master = parameter.dtype == ScalarType.Float32 ? null : parameter.detach().to_type(ScalarType.Float32).DetachFromDisposeScope();
        }

        public string Name { get; }
        public Parameter Parameter { get; }
        public bool Decay { get; }
        public Tensor ExpAvg { get; }
        public Tensor ExpAvgSq { get; }
        public Tensor? Master { get; }

        public void Dispose()
        {
            ExpAvg.Dispose();
            ExpAvgSq.Dispose();
            Master?.Dispose();
        }
    }
}
