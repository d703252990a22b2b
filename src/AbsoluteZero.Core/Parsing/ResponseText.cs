using AbsoluteZero.Core.Prompts;
using AbsoluteZero.Core.Python;

namespace AbsoluteZero.Core.Parsing;

/// <summary>
/// How a response becomes the reference's "generation", and what is read out of it (AZR.md §1.6). The prompt ends
/// with <c>Assistant: &lt;think&gt;</c>, so the generation is that <c>&lt;think&gt;</c> followed by the response, cut
/// where the model starts another <c>Assistant:</c> turn, stripped of whitespace and then of quote characters.
/// </summary>
public static class ResponseText
{
    private const string AnswerOpen = "<answer>";
    private const string AnswerClose = "</answer>";
    private const string ThinkClose = "</think>";

    /// <summary>
    /// The generation of a response. The reference split prompt+response on the first <c>Assistant:</c>, which goes
    /// wrong when a prompt itself contains that word; starting from the prompt's known end gives the same text otherwise.
    /// </summary>
    public static string Generation(string response)
    {
        var text = " " + ConversationTemplate.OpenThink + response;
        var nextTurn = text.IndexOf(ConversationTemplate.AssistantTurn, StringComparison.Ordinal);
        if (nextTurn >= 0)
            text = text[..nextTurn];
        return PythonText.Strip(PythonText.Strip(text), "\"'");
    }

    public static bool HasAnswer(string generation) => generation.Contains(AnswerOpen, StringComparison.Ordinal);

    /// <summary>
    /// Text after the <em>last</em> <c>&lt;answer&gt;</c> up to the next <c>&lt;/answer&gt;</c> (or the end), stripped;
    /// empty when there is no <c>&lt;answer&gt;</c> at all, which fails every parser downstream.
    /// </summary>
    public static string AnswerContent(string generation)
    {
        var open = generation.LastIndexOf(AnswerOpen, StringComparison.Ordinal);
        if (open < 0)
            return "";
        var rest = generation[(open + AnswerOpen.Length)..];
        var close = rest.IndexOf(AnswerClose, StringComparison.Ordinal);
        return PythonText.Strip(close >= 0 ? rest[..close] : rest);
    }

    /// <summary>Text between the last <c>&lt;think&gt;</c> and the next <c>&lt;/think&gt;</c>; kept in buffers, never shown to solvers.</summary>
    public static string Thought(string generation)
    {
        var open = generation.LastIndexOf(ConversationTemplate.OpenThink, StringComparison.Ordinal);
        if (open < 0)
            return generation;
        var rest = generation[(open + ConversationTemplate.OpenThink.Length)..];
        var close = rest.IndexOf(ThinkClose, StringComparison.Ordinal);
        return close >= 0 ? rest[..close] : rest;
    }
}
