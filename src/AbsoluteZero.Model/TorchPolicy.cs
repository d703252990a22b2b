using AbsoluteZero.Core.Policy;
using AbsoluteZero.Model.Architecture;
using AbsoluteZero.Model.Checkpoints;
using AbsoluteZero.Model.Sampling;
using AbsoluteZero.Model.Safetensors;
using AbsoluteZero.Model.Tokenization;
using AbsoluteZero.Model.Training;
using static TorchSharp.torch;

namespace AbsoluteZero.Model;

/// <summary>
/// The AZR policy on TorchSharp (<see cref="IPolicy"/>): one causal LM that proposes and solves, its tokenizer, a
/// seeded sampling generator and the trainer holding the optimizer. Build it with <see cref="TorchPolicyFactory"/>.
/// Not thread-safe: one call at a time, as the trainer drives it.
/// </summary>
public sealed class TorchPolicy : IPolicy
{
    private readonly ModelFolder _folder;
    private readonly IReadOnlySet<int> _eosIds;
    private readonly int _padId;
    private readonly long _seed;

    internal TorchPolicy(CausalLM model, ModelFolder folder, TextTokenizer tokenizer, PolicyTrainer trainer, Generator generator, long seed, int generationBatchSize)
    {
        Model = model;
        _folder = folder;
        Tokenizer = tokenizer;
        Trainer = trainer;
        Generator = generator;
        _seed = seed;
        GenerationBatchSize = generationBatchSize;
        _eosIds = folder.EosIds();
        _padId = folder.Config.PadTokenId ?? _eosIds.DefaultIfEmpty(0).First();
    }

    public CausalLM Model { get; }

    public TextTokenizer Tokenizer { get; }

    public PolicyTrainer Trainer { get; }

    /// <summary>The sampling generator; its state is saved with checkpoints.</summary>
    public Generator Generator { get; }

    /// <summary>Prompts generated together (sorted by length first); bounds the KV cache's memory.</summary>
    public int GenerationBatchSize { get; }

    public IReadOnlySet<int> EosIds => _eosIds;

    public int CountTokens(string text) => Tokenizer.CountTokens(text);

    public IReadOnlyList<Generation> Generate(IReadOnlyList<string> prompts, SamplingOptions options, CancellationToken cancellationToken = default)
    {
        var encoded = prompts.Select(p => Tokenizer.Encode(p)).ToArray();
        return GenerateFromIds(encoded, options, cancellationToken);
    }

    /// <summary>As <see cref="Generate"/>, from token ids (benchmarks, tests).</summary>
    public IReadOnlyList<Generation> GenerateFromIds(IReadOnlyList<IReadOnlyList<int>> prompts, SamplingOptions options, CancellationToken cancellationToken = default)
    {
        var request = new GenerationRequest(options.MaxNewTokens, options.Temperature, options.TopP, _eosIds,
            new StopStrings(Tokenizer, options.StopStrings), Math.Min(Tokenizer.Size, Model.Config.VocabSize), _padId);
        var results = new Generation[prompts.Count];
        // Similar lengths together waste less padding; results go back in the caller's order.
        var order = Enumerable.Range(0, prompts.Count).OrderBy(i => prompts[i].Count).ToArray();
        foreach (var chunk in order.Chunk(Math.Max(1, GenerationBatchSize)))
        {
            var sequences = BatchGenerator.Generate(Model, chunk.Select(i => prompts[i]).ToArray(), request, Generator, cancellationToken);
            for (var j = 0; j < chunk.Length; j++)
            {
                var s = sequences[j];
                results[chunk[j]] = new Generation(Tokenizer.Decode(s.Tokens, skipSpecialTokens: true), prompts[chunk[j]], s.Tokens, s.LogProbs, s.Truncated);
            }
        }

        return results;
    }

    public IReadOnlyList<SequenceScores> Score(IReadOnlyList<PolicySample> samples, CancellationToken cancellationToken = default) =>
        Trainer.Score(samples, cancellationToken);

    public UpdateStats Update(IReadOnlyList<PolicySample> batch, CancellationToken cancellationToken = default) =>
        Trainer.Update(batch, cancellationToken);

    /// <summary>
    /// A Hugging Face folder (config, generation config, tokenizer files, weights in the model's dtype) plus
    /// optimizer.safetensors and policy_state.json, which <see cref="TorchPolicyFactory.Resume"/> reads back.
    /// </summary>
    public void Save(string directory)
    {
        Directory.CreateDirectory(directory);
        _folder.WriteTo(directory);
        ModelWeights.Save(Model, directory);
        Trainer.Optimizer.Save(directory);
        using var state = Generator.get_state();
        new PolicyState(Trainer.Optimizer.Steps, Convert.ToBase64String(state.bytes), _seed).Write(directory);
    }

    /// <summary>Restores optimizer moments, step count and generator state written by <see cref="Save"/>.</summary>
    internal void RestoreTrainingState(string directory)
    {
        var state = PolicyState.Read(directory);
        Trainer.Optimizer.Load(directory, state.OptimizerSteps);
        var bytes = Convert.FromBase64String(state.GeneratorState);
        using var generatorState = tensor(bytes, dtype: ScalarType.Byte);
        Generator.set_state(generatorState);
    }

    public void Dispose()
    {
        Trainer.Dispose();
        Generator.Dispose();
        Model.Dispose();
    }
}
