using AbsoluteZero.Core.Configuration;
using AbsoluteZero.Core.Execution;
using AbsoluteZero.Core.Grading;
using AbsoluteZero.Core.Rewards;
using AbsoluteZero.Core.Tasks;
using AbsoluteZero.Core.Validation;
using static AbsoluteZero.Core.Checking.ResponseCheckRequestReader;

namespace AbsoluteZero.Core.Checking;

/// <summary>
/// Judges one response the way self-play would (<c>azr check-response</c>): the same validator, grader and reward
/// rules, with a run configuration's self-play, reward and sandbox settings (the reference's values by default).
/// </summary>
public sealed class ResponseChecker(ICodeExecutor executor, RunConfig config)
{
    private readonly ProposalValidator _validator = new(executor, config.SelfPlay, config.Sandbox.TimeoutMs);
    private readonly SolverGrader _grader = new(new SolverJudge(executor, config.Sandbox.TimeoutMs), config.Rewards);
    private readonly SourceHarness _source = new(executor, config.Sandbox.TimeoutMs);

    /// <exception cref="ResponseCheckRequestException">The task lacks a field the role needs.</exception>
    public async Task<ResponseCheckResult> CheckAsync(ResponseCheckRequest request, CancellationToken cancellationToken = default) =>
        request.Role == Role.Propose
            ? await ProposalAsync(request, cancellationToken).ConfigureAwait(false)
            : await AnswerAsync(request, cancellationToken).ConfigureAwait(false);

    private async Task<ResponseCheckResult> ProposalAsync(ResponseCheckRequest request, CancellationToken cancellationToken)
    {
        ProposalVerdict verdict;
        if (request.TaskType == TaskType.Induction)
        {
            var program = TaskText(request, "program");
            var source = new Triplet(program, "", "") { Imports = await ImportsAsync(request, program, cancellationToken).ConfigureAwait(false) };
            verdict = (await _validator.InductionsAsync([(request.Response, source)], cancellationToken).ConfigureAwait(false))[0];
        }
        else
        {
            verdict = (await _validator.TripletsAsync([request.Response], cancellationToken).ConfigureAwait(false))[0];
        }

        double? reward = !verdict.Valid || !verdict.FormatOk ? config.Rewards.FormatPenalty
            : request.SolveRate is { } s ? LearnabilityReward.Compute(s, config.Rewards)
            : null;
        return new ResponseCheckResult(request.Id, verdict.FormatOk, verdict.Valid, verdict.Reason,
            verdict.Triplet?.Output, verdict.InductionTask?.Outputs, null, reward);
    }

    private async Task<ResponseCheckResult> AnswerAsync(ResponseCheckRequest request, CancellationToken cancellationToken)
    {
        var program = TaskText(request, "program");
        SolverVerdict verdict;
        if (request.TaskType == TaskType.Induction)
        {
            var inputs = TaskTexts(request, "inputs", optional: false)!;
            var outputs = TaskTexts(request, "outputs", optional: false)!;
            if (inputs.Count != outputs.Count || inputs.Count < 2)
                throw new ResponseCheckRequestException($"'task.inputs' and 'task.outputs' must be two lists of the same length, at least 2 (got {inputs.Count} and {outputs.Count})", request.Id);
            var task = new InductionTask(program, inputs, outputs, TaskText(request, "message"))
            {
                Imports = await ImportsAsync(request, program, cancellationToken).ConfigureAwait(false),
            };
            verdict = await _grader.InductionAsync(task, request.Response, cancellationToken).ConfigureAwait(false);
        }
        else
        {
            var task = new Triplet(program, TaskText(request, "input"), TaskText(request, "output"))
            {
                Imports = await ImportsAsync(request, program, cancellationToken).ConfigureAwait(false),
            };
            verdict = request.TaskType == TaskType.Deduction
                ? await _grader.DeductionAsync(task, request.Response, cancellationToken).ConfigureAwait(false)
                : await _grader.AbductionAsync(task, request.Response, cancellationToken).ConfigureAwait(false);
        }

        return new ResponseCheckResult(request.Id, verdict.FormatOk, null, verdict.Reason, null, null, verdict.Correct, verdict.Reward);
    }

    /// <summary><c>task.imports</c> when given, else collected from the program as the reference does.</summary>
    private async Task<IReadOnlyList<string>> ImportsAsync(ResponseCheckRequest request, string program, CancellationToken cancellationToken) =>
        TaskTexts(request, "imports", optional: true)
        ?? (await _source.ImportsAsync([program], cancellationToken).ConfigureAwait(false))[0];
}
