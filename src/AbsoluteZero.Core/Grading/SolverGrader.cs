using AbsoluteZero.Core.Configuration;
using AbsoluteZero.Core.Parsing;
using AbsoluteZero.Core.Rewards;
using AbsoluteZero.Core.Tasks;

namespace AbsoluteZero.Core.Grading;

/// <summary>
/// Everything about one trained solver response: the R1 format check, whether an answer could be parsed, whether it
/// is right, the reason shown when it is not, and the composite reward.
/// </summary>
public sealed record SolverVerdict(bool FormatOk, bool Parsed, bool Correct, string? Reason, double Reward);

/// <summary>
/// Grades trained solver responses (AZR.md §3.2–3.3): the generation is read as the reference reads it, a response
/// failing the format check is not graded (the reference scores it 0 and rewards −1), otherwise the answer is
/// parsed and judged by <see cref="SolverJudge"/>.
/// </summary>
public sealed class SolverGrader(SolverJudge judge, RewardSettings rewards)
{
    public async Task<SolverVerdict> DeductionAsync(Triplet task, string response, CancellationToken cancellationToken = default)
    {
        var (formatOk, content) = Read(response);
        if (!formatOk)
            return Unformatted();
        var judgement = (await judge.DeductionAsync(task, [SolverAnswerParser.Output(content)], cancellationToken).ConfigureAwait(false))[0];
        return Verdict(judgement);
    }

    public async Task<SolverVerdict> AbductionAsync(Triplet task, string response, CancellationToken cancellationToken = default)
    {
        var (formatOk, content) = Read(response);
        if (!formatOk)
            return Unformatted();
        var judgement = (await judge.AbductionAsync(task, [SolverAnswerParser.Input(content)], cancellationToken).ConfigureAwait(false))[0];
        return Verdict(judgement);
    }

    /// <summary>An answer without a code block is scored as a format failure, as the reference does.</summary>
    public async Task<SolverVerdict> InductionAsync(InductionTask task, string response, CancellationToken cancellationToken = default)
    {
        var (formatOk, content) = Read(response);
        if (!formatOk)
            return Unformatted();
        var program = SolverAnswerParser.Program(content);
        if (program is null)
            return new SolverVerdict(true, false, false, SolverAnswerParser.NoProgram, RoleRewards.Solver(true, false, false, rewards));
        var judgement = (await judge.InductionAsync(task, [program], cancellationToken).ConfigureAwait(false))[0];
        return Verdict(judgement);
    }

    private static (bool FormatOk, string Content) Read(string response)
    {
        var generation = ResponseText.Generation(response);
        return (FormatCheck.Passes(generation), ResponseText.AnswerContent(generation));
    }

    private SolverVerdict Unformatted() => new(false, false, false, FormatCheck.Failure, RoleRewards.Solver(false, false, false, rewards));

    private SolverVerdict Verdict(Judgement j) => new(true, true, j.Correct, j.Reason, RoleRewards.Solver(true, true, j.Correct, rewards));
}
