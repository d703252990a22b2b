using AbsoluteZero.Core.Configuration;
using AbsoluteZero.Core.Execution;
using AbsoluteZero.Core.Parsing;
using AbsoluteZero.Core.Python;
using AbsoluteZero.Core.Tasks;

namespace AbsoluteZero.Core.Validation;

/// <summary>
/// What a proposer response yielded. Validity and format are separate, as in the reference: a valid task whose
/// response fails the format check still enters its buffer, but is rewarded with the format penalty.
/// </summary>
public sealed record ProposalVerdict(bool FormatOk, bool Valid, string? Reason, string Thought)
{
    /// <summary>The task a valid deduction/abduction proposal made.</summary>
    public Triplet? Triplet { get; init; }

    /// <summary>The task a valid induction proposal made (its program is the one the proposer was given).</summary>
    public InductionTask? InductionTask { get; init; }
}

/// <summary>A task built from proposer text, or why none could be.</summary>
public sealed record Validated<T>(T? Task, string? Failure)
    where T : class;

/// <summary>
/// Validates proposals through the sandbox (AZR.md §2): parse, collect imports, run in <c>validate</c> mode (two
/// separate executions that must agree) under the <c>azr</c> policy, and refuse a task whose output repr is longer
/// than <see cref="SelfPlaySettings.MaxOutputChars"/> (the reference silently truncated it instead).
/// Batched: a list of proposals costs a few sandbox round trips, not one per proposal.
/// </summary>
public sealed class ProposalValidator(ICodeExecutor executor, SelfPlaySettings selfPlay, int timeoutMs)
{
    private readonly SourceHarness _source = new(executor, timeoutMs);

    /// <summary>Trained deduction/abduction proposer responses (the text after the prompt's <c>&lt;think&gt;</c>).</summary>
    public async Task<IReadOnlyList<ProposalVerdict>> TripletsAsync(IReadOnlyList<string> responses, CancellationToken cancellationToken = default)
    {
        var read = responses.Select(Read).ToList();
        var tasks = await TripletsFromTextAsync(read.Select(r => r.Content).ToList(), seeding: false, cancellationToken).ConfigureAwait(false);
        return read.Select((r, i) => Verdict(r, tasks[i].Failure) with { Triplet = tasks[i].Task }).ToList();
    }

    /// <summary>Trained induction proposer responses, each for the program (with its imports) its prompt showed.</summary>
    public async Task<IReadOnlyList<ProposalVerdict>> InductionsAsync(IReadOnlyList<(string Response, Triplet Source)> proposals, CancellationToken cancellationToken = default)
    {
        var read = proposals.Select(p => Read(p.Response)).ToList();
        var tasks = await InductionsFromTextAsync(read.Select((r, i) => (r.Content, proposals[i].Source)).ToList(), cancellationToken).ConfigureAwait(false);
        return read.Select((r, i) => Verdict(r, tasks[i].Failure) with { InductionTask = tasks[i].Task }).ToList();
    }

    /// <summary>
    /// Triplets from text already cut to what should hold the blocks: the answer content for trained proposals, the
    /// whole response while seeding (the reference's seeding parses the raw response). Seeding also strips comments,
    /// docstrings and top-level statements other than imports, defs and classes.
    /// </summary>
    public async Task<IReadOnlyList<Validated<Triplet>>> TripletsFromTextAsync(IReadOnlyList<string> texts, bool seeding, CancellationToken cancellationToken = default)
    {
        var parsed = texts.Select(t => ProposalParser.ParseTriplet(t, selfPlay.RejectMultipleFunctions, selfPlay.FunctionRename)).ToList();
        var ok = parsed.Where(p => p.Ok).Select(p => p.Value!).ToList();
        var imports = await _source.ImportsAsync(ok.Select(p => p.Program).ToList(), cancellationToken).ConfigureAwait(false);
        var programs = seeding
            ? await _source.StripForSeedAsync(ok.Select(p => p.Program).ToList(), cancellationToken).ConfigureAwait(false)
            : ok.Select(p => p.Program).ToList();
        var results = await ValidateAsync(ok.Select((p, i) => new ExecutionRequest(SandboxText.WithImports(imports[i], programs[i]), p.Input)).ToList(), cancellationToken).ConfigureAwait(false);

        var next = 0;
        return parsed.Select(p =>
        {
            if (!p.Ok)
                return new Validated<Triplet>(null, p.Failure);
            var i = next++;
            var (output, failure) = Output(results[i], "the program");
            return failure is not null
                ? new Validated<Triplet>(null, failure)
                : new Validated<Triplet>(new Triplet(programs[i], p.Value!.Input, output!) { Imports = imports[i], OriginalProgram = programs[i] }, null);
        }).ToList();
    }

    /// <summary>Induction tasks from answer text (or raw responses while seeding); all N inputs must run validly on the source program.</summary>
    public async Task<IReadOnlyList<Validated<InductionTask>>> InductionsFromTextAsync(IReadOnlyList<(string Text, Triplet Source)> proposals, CancellationToken cancellationToken = default)
    {
        var parsed = proposals.Select(p => ProposalParser.ParseInduction(p.Text, selfPlay.InductionInputs)).ToList();
        var requests = parsed.SelectMany((p, i) => p.Ok
            ? p.Value!.Inputs.Select(input => new ExecutionRequest(SandboxText.WithImports(proposals[i].Source.Imports, proposals[i].Source.Program), input))
            : []).ToList();
        var results = await ValidateAsync(requests, cancellationToken).ConfigureAwait(false);

        var next = 0;
        return parsed.Select((p, i) =>
        {
            if (!p.Ok)
                return new Validated<InductionTask>(null, p.Failure);
            var inputs = p.Value!.Inputs;
            var outputs = new List<string>();
            string? failure = null;
            foreach (var input in inputs)
            {
                var (output, problem) = Output(results[next++], $"input {outputs.Count + 1} of {inputs.Count} ({Q(input)})");
                failure ??= problem;
                outputs.Add(output ?? "");
            }

            var source = proposals[i].Source;
            return failure is not null
                ? new Validated<InductionTask>(null, failure)
                : new Validated<InductionTask>(new InductionTask(source.Program, inputs, outputs, p.Value.Message) { Imports = source.Imports }, null);
        }).ToList();
    }

    private async Task<IReadOnlyList<ExecutionResult>> ValidateAsync(IReadOnlyList<ExecutionRequest> requests, CancellationToken cancellationToken) =>
        requests.Count == 0
            ? []
            : await executor.ExecuteAsync(requests.Select(r => r with { Check = ExecutionCheck.Validate, Policy = ExecutionPolicy.Azr, TimeoutMs = timeoutMs }).ToList(), cancellationToken).ConfigureAwait(false);

    private (string? Output, string? Failure) Output(ExecutionResult result, string subject)
    {
        if (!result.IsOk)
            return (null, $"{subject} {SandboxText.Describe(result)}");
        var length = SandboxText.CodePoints(result.Output!);
        return length > selfPlay.MaxOutputChars
            ? (null, $"{subject} produced an output repr of {length} characters, over the limit of {selfPlay.MaxOutputChars}")
            : (result.Output, null);
    }

    private static (bool FormatOk, string Content, bool HasAnswer, string Thought) Read(string response)
    {
        var generation = ResponseText.Generation(response);
        return (FormatCheck.Passes(generation), ResponseText.AnswerContent(generation), ResponseText.HasAnswer(generation), ResponseText.Thought(generation));
    }

    private static ProposalVerdict Verdict((bool FormatOk, string Content, bool HasAnswer, string Thought) read, string? failure)
    {
        if (failure is not null)
            return new ProposalVerdict(read.FormatOk, false, read.HasAnswer ? failure : ProposalParser.NoAnswer, read.Thought);
        return new ProposalVerdict(read.FormatOk, true, read.FormatOk ? null : FormatCheck.Failure, read.Thought);
    }

    private static string Q(string text) => "`" + SandboxText.Quote(text) + "`";
}
