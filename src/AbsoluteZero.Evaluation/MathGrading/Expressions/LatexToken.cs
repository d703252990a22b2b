namespace AbsoluteZero.Evaluation.MathGrading.Expressions;

public enum LatexTokenKind { Number, Letter, Command, Symbol }

/// <summary>One lexical unit of an answer: a number literal, a single letter, a <c>\command</c> (text without the
/// backslash; <c>\{</c> gives <c>{</c>) or any other single character.</summary>
public readonly record struct LatexToken(LatexTokenKind Kind, string Text)
{
    public bool Is(LatexTokenKind kind, string text) => Kind == kind && Text == text;

    public bool IsSymbol(char c) => Kind == LatexTokenKind.Symbol && Text.Length == 1 && Text[0] == c;

    public override string ToString() => Kind == LatexTokenKind.Command ? "\\" + Text : Text;
}

public static class LatexTokenizer
{
    public static List<LatexToken> Tokenize(string text)
    {
        var tokens = new List<LatexToken>();
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (char.IsWhiteSpace(c))
            {
                i++;
            }
            else if (char.IsAsciiDigit(c) || (c == '.' && i + 1 < text.Length && char.IsAsciiDigit(text[i + 1])))
            {
                var start = i;
                i = ReadNumber(text, i);
                tokens.Add(new LatexToken(LatexTokenKind.Number, text[start..i]));
            }
            else if (char.IsAsciiLetter(c))
            {
                tokens.Add(new LatexToken(LatexTokenKind.Letter, c.ToString()));
                i++;
            }
            else if (c == '\\' && i + 1 < text.Length)
            {
                var start = ++i;
                if (char.IsAsciiLetter(text[i]))
                {
                    while (i < text.Length && char.IsAsciiLetter(text[i]))
                        i++;
                }
                else
                {
                    i++;
                }

                tokens.Add(new LatexToken(LatexTokenKind.Command, text[start..i]));
            }
            else
            {
                tokens.Add(new LatexToken(LatexTokenKind.Symbol, c.ToString()));
                i++;
            }
        }

        return tokens;
    }

    private static int ReadNumber(string text, int i)
    {
        while (i < text.Length && char.IsAsciiDigit(text[i]))
            i++;
        if (i < text.Length && text[i] == '.')
        {
            // "1./3" (Minerva's Python-style answers) keeps its dot; "3.5" reads the fraction digits.
            if (i + 1 < text.Length && char.IsAsciiDigit(text[i + 1]))
            {
                i++;
                while (i < text.Length && char.IsAsciiDigit(text[i]))
                    i++;
            }
            else if (i + 1 < text.Length && text[i + 1] == '/')
            {
                i++;
            }
        }

        // Scientific notation written the programming way: 4.5e33, 1e-5, 3E+8.
        if (i < text.Length && (text[i] == 'e' || text[i] == 'E'))
        {
            var j = i + 1;
            if (j < text.Length && (text[j] == '+' || text[j] == '-'))
                j++;
            if (j < text.Length && char.IsAsciiDigit(text[j]))
            {
                while (j < text.Length && char.IsAsciiDigit(text[j]))
                    j++;
                if (j >= text.Length || !char.IsAsciiLetter(text[j]))
                    i = j;
            }
        }

        return i;
    }
}
