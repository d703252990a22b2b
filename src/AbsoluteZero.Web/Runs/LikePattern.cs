namespace AbsoluteZero.Web.Runs;

/// <summary>Search boxes become ILIKE patterns; a user's own %, _ and \ are matched literally.</summary>
public static class LikePattern
{
    /// <summary>The escape character of the patterns (also PostgreSQL's default for LIKE).</summary>
    public const string Escape = "\\";

    /// <summary>A case-insensitive "contains" pattern for <paramref name="text"/>.</summary>
    public static string Containing(string text) =>
        "%" + text.Trim().Replace("\\", "\\\\").Replace("%", "\\%").Replace("_", "\\_") + "%";
}
