using AbsoluteZero.Evaluation.MathGrading.Normalization;

namespace AbsoluteZero.Evaluation.MathGrading.Extraction;

/// <summary>A <c>\boxed{…}</c> (or <c>\fbox</c>, <c>\framebox</c>, <c>\boxed 5</c>) found in a text: its content and
/// where it starts and ends.</summary>
public readonly record struct BoxedAnswer(string Content, int Start, int End);

public static class BoxedAnswers
{
    private static readonly string[] Commands = ["\\boxed", "\\fbox", "\\framebox"];

    /// <summary>Every box in order, nested braces kept whole.</summary>
    public static List<BoxedAnswer> FindAll(string text)
    {
        var boxes = new List<BoxedAnswer>();
        var i = 0;
        while (i < text.Length)
        {
            var (at, command) = NextCommand(text, i);
            if (at < 0)
                break;
            var after = at + command.Length;
            var open = after;
            while (open < text.Length && text[open] == ' ')
                open++;
            if (open < text.Length && text[open] == '{')
            {
                var close = LatexGroups.MatchingBrace(text, open);
                if (close < 0)
                {
                    // An unterminated box (a truncated generation) holds everything after it.
                    boxes.Add(new BoxedAnswer(text[(open + 1)..], at, text.Length));
                    break;
                }

                boxes.Add(new BoxedAnswer(text[(open + 1)..close], at, close + 1));
                i = close + 1;
            }
            else if (command == "\\boxed" && open > after && open < text.Length)
            {
                // "\boxed 5": the Qwen2.5-Math harness takes what follows up to the next dollar sign.
                var end = text.IndexOf('$', open);
                end = end < 0 ? text.Length : end;
                var line = text.IndexOf('\n', open);
                if (line >= 0 && line < end)
                    end = line;
                boxes.Add(new BoxedAnswer(text[open..end].Trim(), at, end));
                i = end;
            }
            else
            {
                i = after;
            }
        }

        return boxes;
    }

    public static string? Last(string text) => FindAll(text) is { Count: > 0 } boxes ? boxes[^1].Content : null;

    private static (int At, string Command) NextCommand(string text, int from)
    {
        var best = (-1, "");
        foreach (var command in Commands)
        {
            var at = from;
            while ((at = text.IndexOf(command, at, StringComparison.Ordinal)) >= 0)
            {
                var end = at + command.Length;
                if (end < text.Length && char.IsAsciiLetter(text[end]))
                {
                    at = end;
                    continue;
                }

                if (best.Item1 < 0 || at < best.Item1)
                    best = (at, command);
                break;
            }
        }

        return best;
    }
}
