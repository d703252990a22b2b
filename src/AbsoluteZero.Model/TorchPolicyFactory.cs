using AbsoluteZero.Core.Configuration;
using AbsoluteZero.Model.Architecture;
using AbsoluteZero.Model.Checkpoints;
using AbsoluteZero.Model.Safetensors;
using AbsoluteZero.Model.Training;
using static TorchSharp.torch;

namespace AbsoluteZero.Model;

/// <summary>
/// Builds a <see cref="TorchPolicy"/> from a run's settings. The model is <c>model.path</c> when set, else the preset
/// named <c>model.name</c> (<c>tiny</c>, <c>small</c>: random weights from <paramref name="seed"/>), else
/// <c>model.name</c> read as a local Hugging Face folder (Qwen2, Qwen2.5, Llama 3.x). Nothing is downloaded.
/// </summary>
public static class TorchPolicyFactory
{
    public const int DefaultGenerationBatchSize = 64;

    /// <summary>A fresh policy: weights from the folder or preset, a new optimizer, the generator seeded with <paramref name="seed"/>.</summary>
    /// <param name="totalSteps">the run's step count; needed only by the cosine and linear learning-rate schedules</param>
    public static TorchPolicy Create(ModelSettings model, OptimizationSettings optimization, long seed, int? totalSteps = null, int generationBatchSize = DefaultGenerationBatchSize) =>
        Build(Resolve(model), model, optimization, seed, totalSteps, generationBatchSize);

    /// <summary>
    /// A checkpoint written by <see cref="TorchPolicy.Save"/>, with its optimizer state and generator state, so the
    /// next Generate and Update continue exactly where the saved run stopped. <paramref name="model"/> supplies only
    /// the device and dtype.
    /// </summary>
    public static TorchPolicy Resume(string checkpoint, ModelSettings model, OptimizationSettings optimization, int? totalSteps = null, int generationBatchSize = DefaultGenerationBatchSize)
    {
        if (!PolicyState.ExistsIn(checkpoint))
            throw new FileNotFoundException($"{checkpoint} has no {PolicyState.FileName}: not a checkpoint saved by a training run");
        var state = PolicyState.Read(checkpoint);
        var policy = Build(ModelFolder.Open(checkpoint), model, optimization, state.Seed, totalSteps, generationBatchSize);
        try
        {
            policy.RestoreTrainingState(checkpoint);
            return policy;
        }
        catch
        {
            policy.Dispose();
            throw;
        }
    }

    public static ModelFolder Resolve(ModelSettings model)
    {
        if (!string.IsNullOrWhiteSpace(model.Path))
            return ModelFolder.Open(model.Path);
        if (ModelPresets.Find(model.Name) is { } preset)
            return ModelFolder.FromPreset(preset);
        if (Directory.Exists(model.Name))
            return ModelFolder.Open(model.Name);
        throw new ArgumentException(
            $"model '{model.Name}' is neither a built-in preset ({string.Join(", ", ModelPresets.All.Select(p => p.Name))}) nor a local folder; " +
            "download the Hugging Face folder (config.json, tokenizer.json, *.safetensors) and set model.path to it");
    }

    private static TorchPolicy Build(ModelFolder folder, ModelSettings settings, OptimizationSettings optimization, long seed, int? totalSteps, int generationBatchSize)
    {
        var placement = TorchRuntime.Resolve(settings.Device, settings.Dtype);
        var tokenizer = folder.LoadTokenizer();
        var model = new CausalLM(folder.Config, placement);
        try
        {
            if (folder.WeightsFolder is { } weights)
                ModelWeights.Load(model, weights, folder.Config.TieWordEmbeddings ? new HashSet<string> { "lm_head.weight" } : null);
            else
                ModelInitializer.Initialize(model, seed);
            model.eval();
            var padId = folder.Config.PadTokenId ?? folder.EosIds().DefaultIfEmpty(0).First();
            var trainer = new PolicyTrainer(model, optimization, Math.Min(tokenizer.Size, folder.Config.VocabSize), padId, totalSteps);
            var generator = new Generator((ulong)seed, placement.Device);
            return new TorchPolicy(model, folder, tokenizer, trainer, generator, seed, generationBatchSize);
        }
        catch
        {
            model.Dispose();
            throw;
        }
    }
}
