namespace AbsoluteZero.Web.Training;

/// <summary>
/// Model-written text as PostgreSQL can store it. A text or jsonb value cannot hold U+0000, and a lone UTF-16 surrogate
/// has no UTF-8 form; a random-weights model produces both. Each becomes U+FFFD (the replacement character), so the
/// task is kept and shown rather than its whole batch refused. Surrogate pairs (emoji) are kept.
/// </summary>
public static class DatabaseText
{
    public const char Replacement = '\uFFFD';

    public static string Clean(string text)
    {
        if (!text.Contains('\0') && text.AsSpan().IndexOfAnyInRange('\uD800', '\uDFFF') < 0)
            return text;

        var chars = text.ToCharArray();
        for (var i = 0; i < chars.Length; i++)
        {
            if (char.IsHighSurrogate(chars[i]) && i + 1 < chars.Length && char.IsLowSurrogate(chars[i + 1]))
                i++;
            else if (chars[i] == '\0' || char.IsSurrogate(chars[i]))
                chars[i] = Replacement;
        }

        return new string(chars);
    }

    public static string? CleanOrNull(string? text) => text is null ? null : Clean(text);
}
