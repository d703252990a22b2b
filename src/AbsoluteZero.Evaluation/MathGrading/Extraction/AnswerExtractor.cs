using System.Text.RegularExpressions;

namespace AbsoluteZero.Evaluation.MathGrading.Extraction;

/// <summary>
/// Finds the final answer in a model response, in the reference harness's order (AZR.md §7.1): the content of the
/// last <c>&lt;answer&gt;</c> block (its last <c>\boxed{}</c> if it has one); else the last <c>\boxed{…}</c>; then,
/// where neither exists, the Qwen2.5-Math harness's fall-backs: "the final answer is …", a response that is itself
/// just an answer, the last formula (<c>\[…\]</c> or <c>$…$</c>) of the closing paragraph, the last number.
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
        // The closing paragraph's last formula, display or inline; the first display of a long derivation (the
        // reference's last resort) is usually an intermediate step, so it is not used.
        var lastParagraph = text.TrimEnd().Split("\n\n")[^1];
        if (MathSegment().Matches(lastParagraph) is { Count: > 0 } formulas)
            return Clean(formulas[^1].Groups["body"].Value);
        return LastNumber(text);
    }

    private static string? AnswerAfterPhrase(string after)
    {
        var s = after.TrimStart(' ', ':', '\t');
        if (s.StartsWith("$$", StringComparison.Ordinal) && s.IndexOf("$$", 2, StringComparison.Ordinal) is var endDisplay and > 2)
            return Clean(s[2..endDisplay]);
        if (s.StartsWith("\\[", StringComparison.Ordinal) && s.IndexOf("\\]", StringComparison.Ordinal) is var endBracket and > 2)
            return Clean(s[2..endBracket]);
        return Clean(Sentence(s));
    }

    /// <summary>
    /// The text up to the end of its sentence: a full stop followed by a space, a line break, or Minerva's
    /// "I hope it is correct", none of which count inside <c>$…$</c> (so <c>$\$18.90$</c> and
    /// <c>$69$, $84$</c> stay whole).
    /// </summary>
    private static string Sentence(string s)
    {
        var inMath = false;
        for (var i = 0; i < s.Length; i++)
        {
            var c = s[i];
            if (c == '\\')
            {
                i++;
                continue;
            }

            if (string.CompareOrdinal(s, i, " I hope", 0, 7) == 0)
                return s[..i];
            if (c == '$')
                inMath = !inMath;
            else if (!inMath && (c == '\n' || (c == '.' && (i + 1 == s.Length || char.IsWhiteSpace(s[i + 1])))))
                return s[..i];
        }

        return s;
    }

    /// <summary>Whether a text reads as words rather than a bare answer: two words in a row outside LaTeX ("we get",
    /// "square units"); a lone word ("even") or words between values ("12 and 13") are still an answer.</summary>
    public static bool LooksLikeProse(string text)
    {
        var withoutLatex = LatexCommand().Replace(text, " ");
        return ProseRun().IsMatch(withoutLatex);
    }

    private static string Clean(string answer)
    {
        // Math delimiters go; an escaped dollar (\$18.90) is the answer's own.
        var s = UnescapedDollar().Replace(answer, "").Trim();
        if (s.StartsWith("\\(", StringComparison.Ordinal) && s.EndsWith("\\)", StringComparison.Ordinal))
            s = s[2..^2].Trim();
        if (s.StartsWith("\\[", StringComparison.Ordinal) && s.EndsWith("\\]", StringComparison.Ordinal))
            s = s[2..^2].Trim();
        return s.TrimEnd('.').Trim();
    }

    [GeneratedRegex(@"(final answer is|the answer is|answer is|final answer:|answer:)", RegexOptions.IgnoreCase)]
    private static partial Regex FinalAnswerPhrase();

    [GeneratedRegex(@"(?<!\\)\$")]
    private static partial Regex UnescapedDollar();

    [GeneratedRegex(@"\$\$(?<body>.+?)\$\$|\\\[(?<body>.+?)\\\]|\\\((?<body>.+?)\\\)|(?<!\\)\$(?<body>(\\\$|[^$])+?)(?<!\\)\$", RegexOptions.Singleline)]
    private static partial Regex MathSegment();

    [GeneratedRegex(@"-?\d*\.?\d+")]
    private static partial Regex Number();

    [GeneratedRegex(@"\\[A-Za-z]+(\{[^{}]*\})?")]
    private static partial Regex LatexCommand();

    [GeneratedRegex(@"[A-Za-z]{2,}[,;]?\s+[A-Za-z]{2,}")]
    private static partial Regex ProseRun();
}
