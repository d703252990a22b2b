using System.Text;

namespace AbsoluteZero.Web.Evaluation;

/// <summary>
/// Model output made storable: PostgreSQL's text cannot hold NUL, and UTF-8 cannot encode a lone surrogate; a random
/// or broken model writes both. Each becomes U+FFFD, so the rest of the text is kept rather than the row refused.
/// </summary>
public static class PostgresText
{
    public static string Clean(string text)
    {
        if (!NeedsCleaning(text))
            return text;
        var clean = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                clean.Append(c).Append(text[++i]);
                continue;
            }

            clean.Append(c == '\0' || char.IsSurrogate(c) ? '\uFFFD' : c);
        }

        return clean.ToString();
    }

    public static string? CleanOrNull(string? text) => text is null ? null : Clean(text);

    private static bool NeedsCleaning(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '\0')
                return true;
            if (!char.IsSurrogate(c))
                continue;
            if (!char.IsHighSurrogate(c) || i + 1 >= text.Length || !char.IsLowSurrogate(text[i + 1]))
                return true;
            i++;
        }

        return false;
    }
}
