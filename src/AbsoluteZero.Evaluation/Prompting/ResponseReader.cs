using System.Text.RegularExpressions;
using AbsoluteZero.Core.Configuration;
using AbsoluteZero.Core.Parsing;

namespace AbsoluteZero.Evaluation.Prompting;

/// <summary>
/// Reads a response the way its prompt asked for it. Every response is first cut at its prompt's stop strings; an
/// AZR-style response is then the reference's "generation" (AZR.md §1.6: the prompt's <c>&lt;think&gt;</c> plus the
/// response, cut where the model starts another <c>Assistant:</c> turn).
/// </summary>
public static partial class ResponseReader
{
    /// <summary>
    /// The program a code response stands for, or null when it holds none. Completion: the prompt's code plus the
    /// response. Code block: the last fenced block; for the AZR style the last block inside <c>&lt;answer&gt;</c>, else
    /// the last anywhere in the generation, else the answer's own text (lenient, as EvalPlus's sanitizer is: the paper's
    /// exact extraction for these sets is unverified).
    /// </summary>
    public static string? Program(EvalPrompt prompt, string? codePrompt, string response)
    {
        var text = prompt.Trim(response);
        if (prompt.Form == ResponseForm.Completion)
            return (codePrompt ?? throw new ArgumentException("a completion prompt needs its code", nameof(codePrompt))) + text;
        if (prompt.Form != ResponseForm.CodeBlock)
            throw new ArgumentException($"{prompt.Form} is not a code response", nameof(prompt));
        if (prompt.Style != PromptStyle.Azr)
            return LastBlock(text);

        var generation = ResponseText.Generation(text);
        if (!ResponseText.HasAnswer(generation))
            return LastBlock(generation);
        var answer = ResponseText.AnswerContent(generation);
        return LastBlock(answer) ?? LastBlock(generation) ?? (answer.Length > 0 ? answer : null);
    }

    /// <summary>The text the math grader reads: the AZR generation, or the cut response for the base style.</summary>
    public static string MathText(EvalPrompt prompt, string response)
    {
        var text = prompt.Trim(response);
        return prompt.Style == PromptStyle.Azr ? ResponseText.Generation(text) : text;
    }

    /// <summary>The body of the last closed fenced block, whatever its info string (<c>python</c>, <c>py</c>, none).</summary>
    public static string? LastBlock(string text)
    {
        string? last = null;
        for (var m = FencedBlock().Match(text); m.Success; m = m.NextMatch())
            last = m.Groups[1].Value;
        return last;
    }

    [GeneratedRegex(@"```[^\n`]*\n(.*?)```", RegexOptions.Singleline | RegexOptions.CultureInvariant)]
    private static partial Regex FencedBlock();
}
