using System.Text.RegularExpressions;

namespace AbsoluteZero.Evaluation.MathGrading.Extraction;

/// <summary>
/// Finds the final answer in a model response, in the reference harness's order (AZR.md §7.1): the content of the
/// last <c>&lt;answer&gt;</c> block (its last <c>\boxed{}</c> if it has one); else the last <c>\boxed{…}</c>; then,
/// where neither exists, the Qwen2.5-Math harness's fall-backs: "the final answer is …", a response that is itself
/// just an answer, the first <c>\[…\]</c>, the last inline <c>$…$</c> of the closing paragraph, the last number.
/// </summary>
public static partial class AnswerExtractor
{
    public static string? Extract(string response)
    {
        if (AnswerTagContent(response) is { } tagged)
            return BoxedAnswers.Last(tagged) ?? (LooksLikeProse(tagged) ? FromProse(tagged) : Clean(tagged));
        if (BoxedAnswers.Last(response) is { } boxed)
            return Clean(boxed);
        return FromProse(response);
    }

    /// <summary>The content of the last <c>&lt;answer&gt;…&lt;/answer&gt;</c>; an unclosed final tag (a truncated
    /// generation) runs to the end.</summary>
    public static string? AnswerTagContent(string response)
    {
        var open = response.LastIndexOf("<answer>", StringComparison.OrdinalIgnoreCase);
        if (open < 0)
            return null;
        var start = open + "<answer>".Length;
        var close = response.IndexOf("</answer>", start, StringComparison.OrdinalIgnoreCase);
        var content = (close < 0 ? response[start..] : response[start..close]).Trim();
        return content.Length == 0 ? null : content;
    }

    /// <summary>The last number in a text, thousands commas removed (<c>$1,250.50</c> → 1250.50).</summary>
    public static string? LastNumber(string text)
    {
        var matches = Number().Matches(text.Replace(",", ""));
        return matches.Count == 0 ? null : matches[^1].Value;
    }

    private static string? FromProse(string text)
    {
        if (FinalAnswerPhrase().Matches(text) is { Count: > 0 } phrases)
        {
            var after = text[(phrases[^1].Index + phrases[^1].Length)..];
            if (AnswerAfterPhrase(after) is { Length: > 0 } phrase)
                return phrase;
        }

        var trimmed = text.Trim();
        if (trimmed.Length is > 0 and <= 120 && !LooksLikeProse(trimmed))
            return Clean(trimmed);
        if (DisplayMath().Match(text) is { Success: true } display)
            return Clean(display.Groups["body"].Value);
        var lastParagraph = text.TrimEnd().Split("\n\n")[^1];
        if (InlineMath().Matches(lastParagraph) is { Count: > 0 } inline)
            return Clean(inline[^1].Groups["body"].Value);
        return LastNumber(text);
    }

    private static string? AnswerAfterPhrase(string after)
    {
        var s = after.TrimStart(' ', ':', '\t');
        if (s.StartsWith("$$", StringComparison.Ordinal) && s.IndexOf("$$", 2, StringComparison.Ordinal) is var endDisplay and > 2)
            return Clean(s[2..endDisplay]);
        if (s.StartsWith('$') && s.IndexOf('$', 1) is var end and > 1)
            return Clean(s[1..end]);
        if (s.StartsWith("\\(", StringComparison.Ordinal) && s.IndexOf("\\)", StringComparison.Ordinal) is var endParen and > 2)
            return Clean(s[2..endParen]);
        if (s.StartsWith("\\[", StringComparison.Ordinal) && s.IndexOf("\\]", StringComparison.Ordinal) is var endBracket and > 2)
            return Clean(s[2..endBracket]);
        var line = s.Split('\n')[0];
        // A sentence ends at ". " (not a decimal point); "I hope it is correct" follows in Minerva-style answers.
        var sentence = SentenceEnd().Split(line)[0];
        return Clean(sentence);
    }

    /// <summary>Whether a text reads as sentences rather than a bare answer: three words in a row outside LaTeX.</summary>
    public static bool LooksLikeProse(string text)
    {
        var withoutLatex = LatexCommand().Replace(text, " ");
        return ProseRun().IsMatch(withoutLatex);
    }

    private static string Clean(string answer)
    {
        var s = answer.Trim();
        s = s.Trim('$').Trim();
        if (s.StartsWith("\\(", StringComparison.Ordinal) && s.EndsWith("\\)", StringComparison.Ordinal))
            s = s[2..^2].Trim();
        if (s.StartsWith("\\[", StringComparison.Ordinal) && s.EndsWith("\\]", StringComparison.Ordinal))
            s = s[2..^2].Trim();
        return s.TrimEnd('.').Trim();
    }

    [GeneratedRegex(@"(final answer is|the answer is|answer is|final answer:|answer:)", RegexOptions.IgnoreCase)]
    private static partial Regex FinalAnswerPhrase();

    [GeneratedRegex(@"\\\[(?<body>.*?)\\\]", RegexOptions.Singleline)]
    private static partial Regex DisplayMath();

    [GeneratedRegex(@"\$(?<body>[^$]+)\$")]
    private static partial Regex InlineMath();

    [GeneratedRegex(@"-?\d*\.?\d+")]
    private static partial Regex Number();

    [GeneratedRegex(@"\.\s|\.$|\s+I hope")]
    private static partial Regex SentenceEnd();

    [GeneratedRegex(@"\\[A-Za-z]+(\{[^{}]*\})?")]
    private static partial Regex LatexCommand();

    [GeneratedRegex(@"[A-Za-z]{2,}[,;]?\s+[A-Za-z]{2,}[,;]?\s+[A-Za-z]{2,}")]
    private static partial Regex ProseRun();
}
