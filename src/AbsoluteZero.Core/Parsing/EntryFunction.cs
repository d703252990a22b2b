using System.Text.RegularExpressions;
using AbsoluteZero.Core.Configuration;

namespace AbsoluteZero.Core.Parsing;

/// <summary>
/// Finding and renaming the entry function with the reference's text rules, not a parser: every line that starts
/// (after whitespace) with <c>def name(</c> counts, so nested functions and methods count too; the chosen name is
/// rewritten to <c>f</c> in its <c>def</c> and in every <c>name(</c> call, including <c>obj.name(</c>, strings and comments.
/// </summary>
public static partial class EntryFunction
{
    /// <summary>Names of every <c>def</c> in source order (reference regex <c>^\s*def\s+(\w+)\s*\(</c>, MULTILINE).</summary>
    public static IReadOnlyList<string> DefNames(string program) =>
        DefPattern().Matches(program).Select(m => m.Groups[1].Value).ToList();

    /// <summary>Which def becomes <c>f</c>: the first (reference <c>not_first</c>), or <c>f</c> if defined else the last (<c>any_last</c>).</summary>
    public static string Choose(IReadOnlyList<string> defNames, FunctionRename strategy) => strategy switch
    {
        FunctionRename.First => defNames[0],
        FunctionRename.AnyLast => defNames.Contains("f") ? "f" : defNames[^1],
        _ => throw new ArgumentOutOfRangeException(nameof(strategy), strategy, null),
    };

    public static string RenameToF(string program, string name)
    {
        if (name == "f")
            return program;
        var escaped = Regex.Escape(name);
        program = Regex.Replace(program, $@"def\s+{escaped}\s*\(", "def f(", RegexOptions.CultureInvariant);
        return Regex.Replace(program, $@"\b{escaped}\s*\(", "f(", RegexOptions.CultureInvariant);
    }

    [GeneratedRegex(@"^\s*def\s+(\w+)\s*\(", RegexOptions.Multiline | RegexOptions.CultureInvariant)]
    private static partial Regex DefPattern();
}
