using System.Globalization;
using AbsoluteZero.Core.Configuration;

namespace AbsoluteZero.Evaluation.Benchmarks.CodeSets;

/// <summary>
/// A task scored by its original asserts: HumanEval (<c>check(entry_point)</c>) and MBPP sanitized
/// (<c>test_imports</c>, then every assert of <c>test_list</c>). <see cref="Tests"/> run in order in the program's
/// namespace; the first to raise fails the task.
/// </summary>
/// <param name="PromptIsCode">HumanEval's prompt is the function header a completion continues; MBPP's is prose.</param>
public sealed record AssertTask(string TaskId, string Prompt, bool PromptIsCode, string CanonicalProgram, IReadOnlyList<string> Tests);

/// <summary>A loaded HumanEval or MBPP (sanitized).</summary>
public sealed record AssertBenchmark(string Name, string DataFile, IReadOnlyList<AssertTask> Tasks);

/// <summary>Loads HumanEval and MBPP (sanitized) (files: <see cref="BenchmarkCatalog"/>).</summary>
public static class AssertBenchmarkLoader
{
    public static AssertBenchmark Load(string dataDirectory, string benchmark)
    {
        Func<CodeRow, AssertTask> read = benchmark switch
        {
            BenchmarkNames.HumanEval => HumanEval,
            BenchmarkNames.MbppSanitized => Mbpp,
            _ => throw new ArgumentException($"'{benchmark}' is not scored by asserts", nameof(benchmark)),
        };
        var file = BenchmarkCatalog.PathOf(dataDirectory, BenchmarkCatalog.Get(benchmark));
        var tasks = CodeBenchmarkFile.Rows(file).Select(read).ToList();
        CodeBenchmarkFile.EnsureUnique(file, tasks.Select(t => t.TaskId));
        return new AssertBenchmark(benchmark, file, tasks);
    }

    /// <summary>human-eval's check program: prompt + completion + test + <c>check(entry_point)</c>.</summary>
    private static AssertTask HumanEval(CodeRow row)
    {
        var prompt = row.String("prompt");
        var entryPoint = row.String("entry_point");
        return new AssertTask(row.String("task_id"), prompt, PromptIsCode: true, prompt + row.String("canonical_solution"),
            [row.String("test") + "\n\ncheck(" + entryPoint + ")\n"]);
    }

    /// <summary>MBPP's ids are numbers; they are named like MBPP+'s (<c>Mbpp/2</c>) so one samples file fits both sets.</summary>
    private static AssertTask Mbpp(CodeRow row)
    {
        var id = row.Identifier("task_id");
        if (!int.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out var number))
            throw row.Error($"field 'task_id' must be a non-negative integer, found '{id}'");
        var imports = row.StringList("test_imports");
        var asserts = row.StringList("test_list");
        if (asserts.Count == 0)
            throw row.Error("field 'test_list' has no asserts");
        IReadOnlyList<string> tests = imports.Count > 0 ? [string.Join("\n", imports), .. asserts] : asserts;
        return new AssertTask($"Mbpp/{number}", row.String("prompt"), PromptIsCode: false, row.String("code"), tests);
    }
}
