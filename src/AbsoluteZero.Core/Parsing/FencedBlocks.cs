using System.Text.RegularExpressions;

namespace AbsoluteZero.Core.Parsing;

/// <summary>
/// The reference's block patterns, with its flags (DOTALL | IGNORECASE) and its quirks: the code pattern's
/// language tag is optional, so any fenced block (an <c>input</c> block too) counts as code; block bodies lose one
/// newline at each end but keep other whitespace until a caller strips them.
/// </summary>
public static partial class FencedBlocks
{
    private const RegexOptions Flags = RegexOptions.Singleline | RegexOptions.IgnoreCase | RegexOptions.CultureInvariant;

    [GeneratedRegex(@"```(?:python\s*)?\n?(.*?)\n?```", Flags)]
    public static partial Regex Code();

    [GeneratedRegex(@"```input\s*\n?(.*?)\n?```", Flags)]
    public static partial Regex Input();

    [GeneratedRegex(@"```output\s*\n?(.*?)\n?```", Flags)]
    public static partial Regex Output();

    [GeneratedRegex(@"```message\s*\n?(.*?)\n?```", Flags)]
    public static partial Regex Message();

    [GeneratedRegex(@"# Input:\s*(.*?)(?=\n```|$)", Flags)]
    public static partial Regex InputHeading();

    [GeneratedRegex(@"# Output:\s*(.*?)(?=\n```|$)", Flags)]
    public static partial Regex OutputHeading();

    [GeneratedRegex(@"# Message:\s*(.*?)(?=\n```|$)", Flags)]
    public static partial Regex MessageHeading();

    [GeneratedRegex(@"<message>\s*(.*?)\s*</message>", Flags)]
    public static partial Regex MessageTag();

    /// <summary>Group 1 of the first match, or null.</summary>
    public static string? First(Regex pattern, string text) =>
        pattern.Match(text) is { Success: true } m ? m.Groups[1].Value : null;

    /// <summary>Group 1 of the last match, or null.</summary>
    public static string? Last(Regex pattern, string text)
    {
        string? last = null;
        for (var m = pattern.Match(text); m.Success; m = m.NextMatch())
            last = m.Groups[1].Value;
        return last;
    }

    public static IReadOnlyList<string> All(Regex pattern, string text) =>
        pattern.Matches(text).Select(m => m.Groups[1].Value).ToList();
}
