using AbsoluteZero.Core.Parsing;
using AbsoluteZero.Core.Tasks;

namespace AbsoluteZero.Core.Grading;

/// <summary>One learnability sample as graded: the parsed answer (null when an induction sample has no code block), the verdict and why.</summary>
public sealed record GradedAnswer(string? Answer, bool Correct, string? Reason);

/// <summary>The solve rate of a task and the samples it was computed from.</summary>
public sealed record SolveRateEstimate(double SolveRate, IReadOnlyList<GradedAnswer> Answers);

/// <summary>
/// The learnability estimate of a fresh valid proposal (AZR.md §3.1): N solver samples on its solver prompt are
/// graded like solver answers, but without the format requirement (a sample without <c>&lt;answer&gt;</c> just
/// scores 0), and the solve rate is their mean. Identical answers are graded once, as the reference caches them.
/// Samples are read as the reference reads every response (<see cref="ResponseText.Generation"/>), so text after a
/// new <c>Assistant:</c> turn is not taken as the answer.
/// </summary>
public sealed class SolveRateEstimator(SolverJudge judge)
{
    public async Task<SolveRateEstimate> DeductionAsync(Triplet task, IReadOnlyList<string> samples, CancellationToken cancellationToken = default)
    {
        var answers = samples.Select(s => SolverAnswerParser.Output(Content(s))).ToList();
        return Estimate(answers, await judge.DeductionAsync(task, answers, cancellationToken).ConfigureAwait(false));
    }

    public async Task<SolveRateEstimate> AbductionAsync(Triplet task, IReadOnlyList<string> samples, CancellationToken cancellationToken = default)
    {
        var answers = samples.Select(s => SolverAnswerParser.Input(Content(s))).ToList();
        return Estimate(answers, await judge.AbductionAsync(task, answers, cancellationToken).ConfigureAwait(false));
    }

    public async Task<SolveRateEstimate> InductionAsync(InductionTask task, IReadOnlyList<string> samples, CancellationToken cancellationToken = default)
    {
        var programs = samples.Select(s => SolverAnswerParser.Program(Content(s))).ToList();
        return Estimate(programs, await judge.InductionAsync(task, programs, cancellationToken).ConfigureAwait(false));
    }

    private static string Content(string sample) => ResponseText.AnswerContent(ResponseText.Generation(sample));

    private static SolveRateEstimate Estimate(IReadOnlyList<string?> answers, IReadOnlyList<Judgement> judgements)
    {
        var graded = judgements.Select((j, i) => new GradedAnswer(answers[i], j.Correct, j.Reason)).ToList();
        return new SolveRateEstimate(graded.Count == 0 ? 0 : graded.Count(g => g.Correct) / (double)graded.Count, graded);
    }
}
