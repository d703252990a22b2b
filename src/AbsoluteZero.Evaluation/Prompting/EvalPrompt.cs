using AbsoluteZero.Core.Configuration;

namespace AbsoluteZero.Evaluation.Prompting;

/// <summary>How a response becomes what is judged.</summary>
public enum ResponseForm
{
    /// <summary>The response continues the prompt's code: the program is the prompt plus the response up to the first stop string.</summary>
    Completion,

    /// <summary>The program is the last fenced code block (inside <c>&lt;answer&gt;</c> for the AZR style).</summary>
    CodeBlock,

    /// <summary>A math answer; the grader finds it (<c>&lt;answer&gt;</c>, then the last <c>\boxed{}</c>, …).</summary>
    MathAnswer,
}

/// <summary>
/// What the model is given for one problem: the prompt text (sent as is, no chat template applied on top), the strings
/// that end a response early, how the response is read, and the style (<see cref="PromptStyle.Azr"/> or
/// <see cref="PromptStyle.Base"/>) it was written in.
/// </summary>
public sealed record EvalPrompt(string Text, IReadOnlyList<string> StopStrings, ResponseForm Form, PromptStyle Style)
{
    /// <summary>
    /// The response cut at its first stop string. The generator keeps the stop string (and whatever its last token
    /// carried past it); what the model meant ends before it, as with vLLM's stop handling the reference used.
    /// </summary>
    public string Trim(string response)
    {
        var end = response.Length;
        foreach (var stop in StopStrings)
        {
            var at = response.IndexOf(stop, StringComparison.Ordinal);
            if (at >= 0 && at < end)
                end = at;
        }

        return response[..end];
    }
}
