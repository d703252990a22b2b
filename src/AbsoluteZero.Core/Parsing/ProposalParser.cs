using AbsoluteZero.Core.Configuration;
using AbsoluteZero.Core.Python;

namespace AbsoluteZero.Core.Parsing;

/// <summary>A deduction/abduction proposal as parsed: the program (entry already renamed to <c>f</c>) and its one input.</summary>
public sealed record ParsedProposal(string Program, string Input);

/// <summary>An induction proposal as parsed: the last N inputs and the message.</summary>
public sealed record ParsedInductionProposal(IReadOnlyList<string> Inputs, string Message);

/// <summary>
/// Proposer answers with the reference's semantics (AZR.md §1.6, <c>parse_code_input_output</c> and
/// <c>parse_inputs_message</c>). Imports are collected later, by the sandbox, because that needs Python's parser.
/// </summary>
public static class ProposalParser
{
    public const string NoAnswer = "the response has no <answer> block";

    /// <summary>
    /// Deduction/abduction: the first fenced block is the program (any language tag, or none), the first
    /// <c>input</c> block (else a <c># Input:</c> line) is the input; then the <c>def</c> rules.
    /// </summary>
    public static ParseResult<ParsedProposal> ParseTriplet(string answerContent, bool rejectMultipleFunctions, FunctionRename rename)
    {
        var code = FencedBlocks.First(FencedBlocks.Code(), answerContent);
        var input = FencedBlocks.First(FencedBlocks.Input(), answerContent) ?? FencedBlocks.First(FencedBlocks.InputHeading(), answerContent);
        if (code is null && input is null)
            return ParseResult<ParsedProposal>.Fail("the answer has no code block and no ```input``` block");
        if (code is null)
            return ParseResult<ParsedProposal>.Fail("the answer has no code block");
        if (input is null)
            return ParseResult<ParsedProposal>.Fail("the answer has no ```input``` block");

        var program = PythonText.Strip(code);
        var defs = EntryFunction.DefNames(program);
        if (defs.Count == 0)
            return ParseResult<ParsedProposal>.Fail("the program defines no function (no `def` line)");
        if (rejectMultipleFunctions && defs.Count > 1)
            return ParseResult<ParsedProposal>.Fail(
                $"the program has {defs.Count} `def`s ({string.Join(", ", defs)}); only one is allowed, nested functions and methods included");

        program = EntryFunction.RenameToF(program, EntryFunction.Choose(defs, rename));
        return ParseResult<ParsedProposal>.Success(new ParsedProposal(program, PythonText.Strip(input)));
    }

    /// <summary>
    /// Induction: every <c>input</c> block counts and the last <paramref name="inputCount"/> are kept (fewer is a
    /// failure); the message is the first <c>message</c> block, else a <c>&lt;message&gt;</c> tag, else a
    /// <c># Message:</c> line. The reference's <c># Input:</c> fallback here never fires (it tests an iterator for
    /// truth), so it is not offered either.
    /// </summary>
    public static ParseResult<ParsedInductionProposal> ParseInduction(string answerContent, int inputCount)
    {
        var (inputs, message) = ReadInduction(answerContent);
        if (inputs.Count < inputCount)
            return ParseResult<ParsedInductionProposal>.Fail($"the answer has {inputs.Count} ```input``` blocks; {inputCount} are needed");
        if (message is null)
            return ParseResult<ParsedInductionProposal>.Fail("the answer has no ```message``` block");
        return ParseResult<ParsedInductionProposal>.Success(new ParsedInductionProposal(inputs.Skip(inputs.Count - inputCount).ToList(), message));
    }

    /// <summary>Every input block and the message (null when there is none) of an induction answer, before anything is required of them.</summary>
    public static (IReadOnlyList<string> Inputs, string? Message) ReadInduction(string answerContent)
    {
        var inputs = FencedBlocks.All(FencedBlocks.Input(), answerContent).Select(PythonText.Strip).ToList();
        var message = FencedBlocks.First(FencedBlocks.Message(), answerContent)
            ?? FencedBlocks.First(FencedBlocks.MessageTag(), answerContent)
            ?? FencedBlocks.First(FencedBlocks.MessageHeading(), answerContent);
        return (inputs, message is null ? null : PythonText.Strip(message));
    }
}
