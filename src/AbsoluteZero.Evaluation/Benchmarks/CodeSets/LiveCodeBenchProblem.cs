using System.Globalization;
using System.Text.RegularExpressions;

namespace AbsoluteZero.Evaluation.Benchmarks.CodeSets;

/// <summary>LiveCodeBench's two kinds of problem: AtCoder/Codeforces read stdin, LeetCode calls a Solution method.</summary>
public enum LiveCodeBenchTestType { Stdin, Functional }

public sealed record LiveCodeBenchTest(string Input, string Output);

/// <summary>
/// One problem of the staged LiveCodeBench slice. The file carries no ids, so problems are named by their row:
/// <c>LiveCodeBench/0</c>, <c>LiveCodeBench/1</c>, …
/// </summary>
/// <param name="Method">The Solution method a functional problem calls, read from the starter code.</param>
public sealed record LiveCodeBenchProblem(string TaskId, string Problem, string StarterCode, LiveCodeBenchTestType Type, string? Method, IReadOnlyList<LiveCodeBenchTest> Tests);

public sealed record LiveCodeBenchSet(string Name, string DataFile, IReadOnlyList<LiveCodeBenchProblem> Problems);

/// <summary>Loads the LiveCodeBench slice (public tests only; not comparable with official numbers: <see cref="BenchmarkCatalog.LiveCodeBenchLabel"/>).</summary>
public static partial class LiveCodeBenchLoader
{
    public const string TaskPrefix = "LiveCodeBench/";

    public static LiveCodeBenchSet Load(string dataDirectory)
    {
        var file = BenchmarkCatalog.PathOf(dataDirectory, BenchmarkCatalog.Get(Core.Configuration.BenchmarkNames.LiveCodeBench));
        var problems = CodeBenchmarkFile.Rows(file).Select((row, index) => Problem(row, index)).ToList();
        return new LiveCodeBenchSet(Core.Configuration.BenchmarkNames.LiveCodeBench, file, problems);
    }

    private static LiveCodeBenchProblem Problem(CodeRow row, int index)
    {
        var starter = row.String("starter_code");
        var tests = row.List("tests");
        if (tests.Count == 0)
            throw row.Error("field 'tests' is empty");
        var types = new HashSet<string>();
        var parsed = new List<LiveCodeBenchTest>();
        foreach (var (test, i) in tests.Select((test, i) => (test, i)))
        {
            var fields = new CodeRow(test, row.File, test.Line);
            parsed.Add(new LiveCodeBenchTest(fields.String("input"), fields.String("output")));
            types.Add(fields.String("testtype"));
        }

        var type = types.Count == 1 ? types.Single() : throw row.Error($"tests mix test types ({string.Join(", ", types.Order())})");
        var id = TaskPrefix + index.ToString(CultureInfo.InvariantCulture);
        return type switch
        {
            "stdin" => new LiveCodeBenchProblem(id, row.String("problem"), starter, LiveCodeBenchTestType.Stdin, null, parsed),
            "functional" => new LiveCodeBenchProblem(id, row.String("problem"), starter, LiveCodeBenchTestType.Functional,
                MethodName().Match(starter) is { Success: true } match ? match.Groups[1].Value : throw row.Error("a functional problem's starter_code names no 'def method(self, …)'"),
                parsed),
            _ => throw row.Error($"unknown testtype '{type}' (expected stdin or functional)"),
        };
    }

    [GeneratedRegex(@"def\s+(\w+)\s*\(\s*self\b")]
    private static partial Regex MethodName();
}
