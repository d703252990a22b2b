using System.Text.Json;
using System.Text.RegularExpressions;
using AbsoluteZero.Core.Execution;
using AbsoluteZero.Core.Python;

namespace AbsoluteZero.Core.Validation;

/// <summary>
/// The source work that needs Python's own parser, done by a trusted harness in the sandbox (Core has no Python
/// parser): collecting import lines with <c>ast.walk</c> and the seeding-only clean-up with <c>ast.unparse</c>,
/// both as the reference does them (AZR.md §1.6). The program is passed as a string literal and never run.
/// Should the harness itself not answer, the reference's own fallbacks apply: import lines found by a line regex,
/// and the program left as it was.
/// </summary>
public sealed partial class SourceHarness(ICodeExecutor executor, int timeoutMs)
{
    private const string Program = """
        import ast
        import json
        import re


        def _alias(a):
            return a.name + (" as " + a.asname if a.asname else "")


        def _imports(code):
            try:
                tree = ast.parse(code)
            except Exception:
                return [line.strip() for line in re.findall(r"^\s*(?:from|import)\s+.*$", code, re.MULTILINE)]
            lines = []
            for node in ast.walk(tree):
                if isinstance(node, ast.Import):
                    lines.append("import " + ", ".join(_alias(a) for a in node.names))
                elif isinstance(node, ast.ImportFrom):
                    lines.append("from " + "." * node.level + (node.module or "") + " import " + ", ".join(_alias(a) for a in node.names))
            return lines


        def _without_comments(code):
            try:
                tree = ast.parse(code)
                for node in ast.walk(tree):
                    if isinstance(node, (ast.AsyncFunctionDef, ast.FunctionDef, ast.ClassDef, ast.Module)):
                        while node.body and isinstance(node.body[0], ast.Expr) and isinstance(node.body[0].value, ast.Constant) \
                                and isinstance(node.body[0].value.value, str):
                            node.body.pop(0)
                return "\n".join(line.rstrip() for line in ast.unparse(tree).split("\n") if line.strip())
            except Exception:
                return code


        def _definitions_only(code):
            try:
                tree = ast.parse(code)
                tree.body = [n for n in tree.body if isinstance(n, (ast.Import, ast.ImportFrom, ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef))]
                ast.fix_missing_locations(tree)
                return "\n".join(line for line in ast.unparse(tree).split("\n") if line.strip())
            except Exception:
                return code


        def f(operation, code):
            if operation == "imports":
                return json.dumps(_imports(code))
            if operation == "seed":
                return json.dumps(_definitions_only(_without_comments(code)))
            raise ValueError("unknown operation " + operation)
        """;

    /// <summary>Import lines of each program, in <c>ast.walk</c> order (nested imports included).</summary>
    public async Task<IReadOnlyList<IReadOnlyList<string>>> ImportsAsync(IReadOnlyList<string> programs, CancellationToken cancellationToken = default)
    {
        var results = await RunAsync("imports", programs, cancellationToken).ConfigureAwait(false);
        return results.Select((json, i) => json is null
            ? ImportLines().Matches(programs[i]).Select(m => PythonText.Strip(m.Value)).ToList()
            : (IReadOnlyList<string>)JsonSerializer.Deserialize<List<string>>(json)!).ToList();
    }

    /// <summary>
    /// The seeding clean-up (reference <c>remove_comments</c> then <c>remove_after_return</c>): comments and
    /// docstrings go, and every top-level statement that is not an import, def or class. Unparseable code is kept as is.
    /// </summary>
    public async Task<IReadOnlyList<string>> StripForSeedAsync(IReadOnlyList<string> programs, CancellationToken cancellationToken = default)
    {
        var results = await RunAsync("seed", programs, cancellationToken).ConfigureAwait(false);
        return results.Select((json, i) => json is null ? programs[i] : JsonSerializer.Deserialize<string>(json)!).ToList();
    }

    /// <summary>The harness's JSON answer per program, or null where it did not answer.</summary>
    private async Task<IReadOnlyList<string?>> RunAsync(string operation, IReadOnlyList<string> programs, CancellationToken cancellationToken)
    {
        if (programs.Count == 0)
            return [];
        var requests = programs.Select(p => new ExecutionRequest(Program, SandboxText.StringArguments(operation, p))
        {
            Policy = ExecutionPolicy.Benchmark,
            TimeoutMs = timeoutMs,
        }).ToList();
        var results = await executor.ExecuteAsync(requests, cancellationToken).ConfigureAwait(false);
        return results.Select(r => r is { IsOk: true, Output: { } repr } ? PythonStringLiteral.Decode(repr) : null).ToList();
    }

    [GeneratedRegex(@"^\s*(?:from|import)\s+.*$", RegexOptions.Multiline | RegexOptions.CultureInvariant)]
    private static partial Regex ImportLines();
}
