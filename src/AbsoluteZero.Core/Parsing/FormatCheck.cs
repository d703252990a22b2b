using System.Text.RegularExpressions;

namespace AbsoluteZero.Core.Parsing;

/// <summary>
/// The R1 format reward's test (AZR.md §3.4): the generation, which begins with the prompt's trailing
/// <c>&lt;think&gt;</c>, must match <c>(?s)&lt;think&gt;.*?&lt;/think&gt;\s*&lt;answer&gt;.*?&lt;/answer&gt;</c> from its
/// first character (Python <c>re.match</c>); text after <c>&lt;/answer&gt;</c> is allowed.
/// </summary>
public static partial class FormatCheck
{
    public const string Failure = "the response does not follow the <think>…</think> <answer>…</answer> format";

    public static bool Passes(string generation) => Pattern().IsMatch(generation);

    [GeneratedRegex(@"\A<think>.*?</think>\s*<answer>.*?</answer>", RegexOptions.Singleline | RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
