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
    public Task<SolverVerdict> DeductionAsync(Triplet task, string response, CancellationToken cancellationToken = default) =>
        GradeAsync(response, SolverAnswerParser.Output, answer => judge.DeductionAsync(task, [answer], cancellationToken));

    public Task<SolverVerdict> AbductionAsync(Triplet task, string response, CancellationToken cancellationToken = default) =>
        GradeAsync(response, SolverAnswerParser.Input, answer => judge.AbductionAsync(task, [answer], cancellationToken));

    /// <summary>An answer without a code block is scored as a format failure, as the reference does.</summary>
    public Task<SolverVerdict> InductionAsync(InductionTask task, string response, CancellationToken cancellationToken = default) =>
        GradeAsync(response, SolverAnswerParser.Program, program => judge.InductionAsync(task, [program], cancellationToken));

    /// <param name="parse">The answer in the answer content; null when there is none to grade.</param>
    private async Task<SolverVerdict> GradeAsync(string response, Func<string, string?> parse, Func<string, Task<IReadOnlyList<Judgement>>> grade)
    {
        var (formatOk, content) = Read(response);
        if (!formatOk)
            return new SolverVerdict(false, false, false, FormatCheck.Failure, RoleRewards.Solver(false, false, false, rewards));
        if (parse(content) is not { } answer)
            return new SolverVerdict(true, false, false, SolverAnswerParser.NoProgram, RoleRewards.Solver(true, false, false, rewards));
        var judgement = (await grade(answer).ConfigureAwait(false))[0];
        return new SolverVerdict(true, true, judgement.Correct, judgement.Reason, RoleRewards.Solver(true, true, judgement.Correct, rewards));
    }

    private static (bool FormatOk, string Content) Read(string response)
    {
        var generation = ResponseText.Generation(response);
        return (FormatCheck.Passes(generation), ResponseText.AnswerContent(generation));
    }
}
