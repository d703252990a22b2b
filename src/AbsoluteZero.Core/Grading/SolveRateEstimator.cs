using AbsoluteZero.Core.Parsing;
using AbsoluteZero.Core.Tasks;

namespace AbsoluteZero.Core.Grading;

/// <summary>
/// The learnability estimate of a fresh valid proposal (AZR.md §3.1): N solver samples on its solver prompt are
/// graded like solver answers, but without the format requirement (a sample without <c>&lt;answer&gt;</c> just
/// scores 0), and the solve rate is their mean. Identical answers are graded once, as the reference caches them.
/// </summary>
public sealed class SolveRateEstimator(SolverJudge judge)
{
    public async Task<double> DeductionAsync(Triplet task, IReadOnlyList<string> samples, CancellationToken cancellationToken = default) =>
        Mean(await judge.DeductionAsync(task, samples.Select(s => SolverAnswerParser.Output(ResponseText.AnswerContent(s))).ToList(), cancellationToken).ConfigureAwait(false));

    public async Task<double> AbductionAsync(Triplet task, IReadOnlyList<string> samples, CancellationToken cancellationToken = default) =>
        Mean(await judge.AbductionAsync(task, samples.Select(s => SolverAnswerParser.Input(ResponseText.AnswerContent(s))).ToList(), cancellationToken).ConfigureAwait(false));

    public async Task<double> InductionAsync(InductionTask task, IReadOnlyList<string> samples, CancellationToken cancellationToken = default) =>
        Mean(await judge.InductionAsync(task, samples.Select(s => SolverAnswerParser.Program(ResponseText.AnswerContent(s))).ToList(), cancellationToken).ConfigureAwait(false));

    private static double Mean(IReadOnlyList<Judgement> judgements) =>
        judgements.Count == 0 ? 0 : judgements.Count(j => j.Correct) / (double)judgements.Count;
}
