using System.Text.RegularExpressions;
using AbsoluteZero.Core.Python;

namespace AbsoluteZero.Core.Parsing;

/// <summary>
/// Solver answers with the reference's semantics (AZR.md §1.6, <c>extract_input_output</c> and
/// <c>parse_code_function</c>). Deduction and abduction always yield some text: after the last tagged block
/// come the fallbacks, and finally the whole answer. The text is not stripped, to keep quotes intact.
/// </summary>
public static partial class SolverAnswerParser
{
    public const string NoProgram = "the answer has no code block";

    private const RegexOptions Flags = RegexOptions.Singleline | RegexOptions.IgnoreCase | RegexOptions.CultureInvariant;

    /// <summary>Abduction: the input the solver proposes.</summary>
    public static string Input(string answerContent) =>
        FencedBlocks.Last(FencedBlocks.Input(), answerContent)
        ?? FencedBlocks.Last(FencedBlocks.InputHeading(), answerContent)
        ?? FencedBlocks.Last(InputCall(), answerContent)
        ?? FencedBlocks.Last(InputTag(), answerContent)
        ?? FencedBlocks.Last(InputSentence(), answerContent)
        ?? answerContent;

    /// <summary>Deduction: the output the solver predicts.</summary>
    public static string Output(string answerContent) =>
        FencedBlocks.Last(FencedBlocks.Output(), answerContent)
        ?? FencedBlocks.Last(FencedBlocks.OutputHeading(), answerContent)
        ?? FencedBlocks.Last(OutputCall(), answerContent)
        ?? FencedBlocks.Last(OutputTag(), answerContent)
        ?? FencedBlocks.Last(OutputSentence(), answerContent)
        ?? answerContent;

    /// <summary>Induction: the last fenced block, stripped; null when there is none (the reference scores that as a format failure).</summary>
    public static string? Program(string answerContent) =>
        FencedBlocks.Last(FencedBlocks.Code(), answerContent) is { } code ? PythonText.Strip(code) : null;

    [GeneratedRegex(@"input\s*\((.*?)\)", Flags)]
    private static partial Regex InputCall();

    [GeneratedRegex(@"<input>\s*(.*?)(?:</input>|\s*$)", Flags)]
    private static partial Regex InputTag();

    [GeneratedRegex(@"the input is\s*(.*?)\.?$", Flags)]
    private static partial Regex InputSentence();

    [GeneratedRegex(@"output\s*\((.*?)\)", Flags)]
    private static partial Regex OutputCall();

    [GeneratedRegex(@"<output>\s*(.*?)(?:</output>|\s*$)", Flags)]
    private static partial Regex OutputTag();

    [GeneratedRegex(@"the output is\s*(.*?)\.?$", Flags)]
    private static partial Regex OutputSentence();
}
