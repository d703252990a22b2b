using AbsoluteZero.Core.Configuration;
using AbsoluteZero.Core.Policy;
using AbsoluteZero.Model.Architecture;
using static TorchSharp.torch;

namespace AbsoluteZero.Model.Training;

/// <summary>
/// Scoring and the single optimizer step of an AZR training step (AZR.md §4.2): micro-batches taken in order,
/// each loss divided by the number of micro-batches and backpropagated (gradient accumulation), then global-norm
/// clipping and one AdamW step at the scheduled learning rate. A step whose gradient norm is not finite is skipped.
/// </summary>
public sealed class PolicyTrainer : IDisposable
{
    private readonly CausalLM _model;
    private readonly OptimizationSettings _settings;
    private readonly ScheduledLearningRate _schedule;
    private readonly int _vocabularyLimit;
    private readonly int _padId;
    private AdamW? _optimizer;

    public PolicyTrainer(CausalLM model, OptimizationSettings settings, int vocabularyLimit, int padId, int? totalSteps)
    {
        _model = model;
        _settings = settings;
        _vocabularyLimit = vocabularyLimit;
        _padId = padId;
        _schedule = new ScheduledLearningRate(settings, totalSteps);
    }

    /// <summary>
    /// Created on first use: a policy that only generates (an evaluation) never holds AdamW's f32 moments and master
    /// weights, three times the size of a bf16 model, which would not fit beside a 7B model on an 80 GB GPU.
    /// </summary>
    public AdamW Optimizer => _optimizer ??= new AdamW(_model.named_parameters().Select(p => (p.name, p.parameter)), _settings);

    public IReadOnlyList<SequenceScores> Score(IReadOnlyList<PolicySample> samples, CancellationToken cancellationToken)
    {
        var results = new List<SequenceScores>(samples.Count);
        using var _ = inference_mode();
        foreach (var micro in samples.Chunk(Math.Max(1, _settings.MicroBatchSize)))
        {
            cancellationToken.ThrowIfCancellationRequested();
            using var scope = NewDisposeScope();
            using var batch = SequenceBatch.Create(micro, _padId, _model.Config.VocabSize, _model.Placement.Device);
            if (batch.TokenCount == 0)
            {
                results.AddRange(micro.Select(_ => new SequenceScores([], [])));
                continue;
            }

            var (logProbs, entropies) = TokenScorer.Score(_model, batch, _vocabularyLimit);
            var lp = logProbs.cpu().data<float>().ToArray();
            var en = entropies.cpu().data<float>().ToArray();
            var offset = 0;
            foreach (var length in batch.ResponseLengths)
            {
                results.Add(new SequenceScores(lp[offset..(offset + length)], en[offset..(offset + length)]));
                offset += length;
            }
        }

        return results;
    }

    public UpdateStats Update(IReadOnlyList<PolicySample> samples, CancellationToken cancellationToken)
    {
        if (samples.Count == 0)
            throw new ArgumentException("an update needs at least one sample", nameof(samples));
        var micros = samples.Chunk(Math.Max(1, _settings.MicroBatchSize)).ToArray();
        double pgLoss = 0, entropySum = 0, clipFraction = 0;
        long tokens = 0;
        var contributing = 0;
        _model.train();
        try
        {
            Optimizer.ZeroGrad();
            foreach (var micro in micros)
            {
                cancellationToken.ThrowIfCancellationRequested();
                using var scope = NewDisposeScope();
                using var batch = SequenceBatch.Create(micro, _padId, _model.Config.VocabSize, _model.Placement.Device);
                if (batch.TokenCount == 0)
                    continue;
                var (logProbs, entropies) = TokenScorer.Score(_model, batch, _vocabularyLimit);
                var terms = PolicyLoss.Compute(logProbs, entropies, batch.Advantages, _settings.ClipRatio, _settings.EntropyCoeff);
                (terms.Loss / micros.Length).backward();
                pgLoss += terms.PgLoss.item<float>();
                clipFraction += terms.ClipFraction.item<float>();
                entropySum += entropies.detach().sum().item<float>();
                tokens += batch.TokenCount;
                contributing++;
            }

            var gradNorm = nn.utils.clip_grad_norm_(Optimizer.Parameters.Where(p => p.grad is not null), _settings.GradClip);
            var learningRate = _schedule.At(Optimizer.Steps + 1);
            if (double.IsFinite(gradNorm) && contributing > 0)
                Optimizer.Step(learningRate);
            Optimizer.ZeroGrad();
            return new UpdateStats(
                contributing > 0 ? pgLoss / contributing : 0,
                tokens > 0 ? entropySum / tokens : 0,
                gradNorm,
                learningRate,
                contributing > 0 ? clipFraction / contributing : 0,
                tokens);
        }
        finally
        {
            _model.eval();
        }
    }

    public void Dispose() => _optimizer?.Dispose();
}
