using System.Text;
using AbsoluteZero.Core.Execution;

namespace AbsoluteZero.Core.Python;

/// <summary>Small conventions shared by everything that sends model text to the sandbox and reports what came back.</summary>
public static class SandboxText
{
    /// <summary>The reference prepends a program's import lines (once each) before running it.</summary>
    public static string WithImports(IReadOnlyList<string> imports, string program) =>
        imports.Count == 0 ? program : string.Join("\n", imports.Distinct(StringComparer.Ordinal)) + "\n" + program;

    /// <summary>Python's <c>len(str)</c>: code points, not UTF-16 units.</summary>
    public static int CodePoints(string text) => text.EnumerateRunes().Count();

    /// <summary>Why a run did not produce a value, as a sentence fragment ("raised ZeroDivisionError: division by zero").</summary>
    public static string Describe(ExecutionResult result) => result.Status switch
    {
        ExecutionStatus.Ok => "ran",
        ExecutionStatus.Error => $"raised {result.Error}",
        ExecutionStatus.Timeout => $"ran past its time limit ({result.Error})",
        ExecutionStatus.Memory => $"ran out of memory ({result.Error})",
        ExecutionStatus.Forbidden => $"was refused by the sandbox ({result.Error})",
        ExecutionStatus.Nondeterministic => $"gave different results in two separate runs ({result.Error})",
        ExecutionStatus.OutputTooLarge => $"produced an output too large to transport ({result.Error})",
        ExecutionStatus.Syntax => $"does not parse ({result.Error})",
        _ => $"ended with {result.Status} ({result.Error})",
    };

    /// <summary>Model text shortened for a reason line.</summary>
    public static string Quote(string text, int max = 120)
    {
        var oneLine = text.ReplaceLineEndings(" ");
        return oneLine.Length <= max ? oneLine : oneLine[..max] + "…";
    }

    /// <summary>Input text calling a harness with string arguments only, each a quoted literal.</summary>
    public static string StringArguments(params string[] values)
    {
        var sb = new StringBuilder();
        foreach (var value in values)
        {
            if (sb.Length > 0)
                sb.Append(", ");
            sb.Append(PythonStringLiteral.Encode(value));
        }

        return sb.ToString();
    }
}
