using System.Text.Json;
using AbsoluteZero.Core.Configuration;
using AbsoluteZero.Testing;

namespace AbsoluteZero.Evaluation.Tests.Code;

/// <summary><c>azr eval</c> end to end: the built binary, a samples file, a results file, the summary as stdout's last line.</summary>
[Collection(CodeScoringCollection.Name)]
public sealed class EvalCommandTests(CodeScoringFixture fixture) : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("azr-eval-e2e-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task Scores_humaneval_plus_samples_with_sabotaged_ones_and_bad_lines()
    {
        var (benchmark, _) = await fixture.EvalPlusAsync(BenchmarkNames.HumanEvalPlus); // the ground truth is cached for the binary too
        var tasks = benchmark.Tasks.Take(20).ToList();
        var lines = new List<string>();
        foreach (var (task, i) in tasks.Select((t, i) => (t, i)))
        {
            lines.Add(i switch
            {
                0 => Sample(task.TaskId, "completion", "    if len(numbers) > 6:\n        return None\n" + task.CanonicalSolution), // base passes, plus fails
                1 => Sample(task.TaskId, "solution", task.Prompt + "    return []\n"),
                2 => Sample(task.TaskId, "completion", "    while True:\n        pass\n"),
                3 => Sample(task.TaskId, "solution", "def below_zero(operations) return False\n"),
                4 => Sample(task.TaskId, "completion", "    raise RuntimeError('sabotaged')\n"),
                _ when i % 2 == 0 => Sample(task.TaskId, "solution", task.CanonicalProgram),
                _ => Sample(task.TaskId, "completion", task.CanonicalSolution),
            });
        }

        lines.Insert(7, "{not json");
        lines.Add(Sample("HumanEval/9999", "solution", "x = 1"));
        lines.Add("{\"task_id\": \"HumanEval/5\"}");
        var (exitCode, stdout, stderr, results) = await RunEval(BenchmarkNames.HumanEvalPlus, lines, "--min-time-limit", "1");

        Assert.True(exitCode == 0, stderr);
        var summary = JsonDocument.Parse(stdout.TrimEnd().Split('\n')[^1]).RootElement;
        Assert.Equal("humaneval-plus", summary.GetProperty("benchmark").GetString());
        Assert.Equal(20, summary.GetProperty("n").GetInt32());
        Assert.Equal(0.75, summary.GetProperty("pass@1").GetDouble());
        Assert.Equal(0.8, summary.GetProperty("base_pass@1").GetDouble());
        Assert.Equal(0.75, summary.GetProperty("plus_pass@1").GetDouble());
        var ci = summary.GetProperty("ci95").EnumerateArray().Select(v => v.GetDouble()).ToList();
        Assert.True(ci[0] < 0.75 && 0.75 < ci[1] && ci[0] >= 0 && ci[1] <= 1, $"ci95 {ci[0]}..{ci[1]}");

        Assert.Equal(23, results.Count);
        Assert.Equal(Enumerable.Range(1, 23), results.Select(r => r.GetProperty("line").GetInt32()));
        Assert.Equal((true, false, "plus"), (results[0].GetProperty("base_passed").GetBoolean(), results[0].GetProperty("plus_passed").GetBoolean(), results[0].GetProperty("failing_split").GetString()));
        Assert.Equal(tasks[1].BaseInputs[0].Json, results[1].GetProperty("failing_input").GetString());
        Assert.True(results[2].GetProperty("timed_out").GetBoolean());
        Assert.StartsWith("the program does not load: SyntaxError", results[3].GetProperty("difference").GetString());
        Assert.StartsWith("RuntimeError: sabotaged", results[4].GetProperty("difference").GetString());
        Assert.All(results.Where((_, i) => i is >= 5 and < 21 and not 7), r => Assert.True(r.GetProperty("passed").GetBoolean()));
        Assert.StartsWith("line 8: not valid JSON", results[7].GetProperty("error").GetString());
        Assert.Equal("line 22: unknown task_id 'HumanEval/9999' for humaneval-plus", results[21].GetProperty("error").GetString());
        Assert.Equal("line 23: missing field 'solution' or 'completion'", results[22].GetProperty("error").GetString());
        Assert.Contains("3 sample line(s) could not be scored", stderr);
    }

    [Fact]
    public async Task Averages_several_samples_per_task_then_over_tasks_and_takes_mbpp_integer_ids()
    {
        var (benchmark, _) = await fixture.EvalPlusAsync(BenchmarkNames.MbppPlus);
        var two = CodeScoringFixture.Task(benchmark, "Mbpp/2");
        var seventeen = CodeScoringFixture.Task(benchmark, "Mbpp/17");
        string[] lines =
        [
            Sample(two.TaskId, "solution", two.CanonicalProgram),
            Sample(two.TaskId, "solution", "def similar_elements(a, b):\n    return ()\n"),
            Sample(two.TaskId, "completion", two.CanonicalSolution),
            "{\"task_id\": 17, \"solution\": \"def square_perimeter(a):\\n    return 4 * a\\n\"}",
        ];

        var (exitCode, stdout, stderr, results) = await RunEval(BenchmarkNames.MbppPlus, lines);

        Assert.True(exitCode == 0, stderr);
        var summary = JsonDocument.Parse(stdout.TrimEnd().Split('\n')[^1]).RootElement;
        Assert.Equal(2, summary.GetProperty("n").GetInt32());
        Assert.Equal((2.0 / 3 + 1) / 2, summary.GetProperty("pass@1").GetDouble(), 12);
        Assert.Equal(seventeen.TaskId, results[3].GetProperty("task_id").GetString());
        Assert.Equal([true, false, true, true], results.Select(r => r.GetProperty("passed").GetBoolean()));
    }

    [Fact]
    public async Task Grades_math_responses_with_extracted_answers()
    {
        var rows = File.ReadLines(Path.Combine(RepositoryPaths.Benchmarks, "aime2024", "test.jsonl")).Take(3)
            .Select(l => JsonDocument.Parse(l).RootElement).ToList();
        string Id(int i) => rows[i].GetProperty("id").ToString();
        string Answer(int i) => rows[i].GetProperty("answer").ToString();
        string[] lines =
        [
            JsonSerializer.Serialize(new Dictionary<string, string> { ["task_id"] = Id(0), ["response"] = $"so the answer is \\boxed{{{Answer(0)}}}" }),
            JsonSerializer.Serialize(new Dictionary<string, string> { ["task_id"] = Id(1), ["response"] = $"<answer>{Answer(1)}</answer>" }),
            JsonSerializer.Serialize(new Dictionary<string, string> { ["task_id"] = Id(2), ["response"] = "\\boxed{1000000}" }),
        ];

        var (exitCode, stdout, stderr, results) = await RunEval(BenchmarkNames.Aime2024, lines);

        Assert.True(exitCode == 0, stderr);
        var summary = JsonDocument.Parse(stdout.TrimEnd().Split('\n')[^1]).RootElement;
        Assert.Equal((3, 2.0 / 3), (summary.GetProperty("n").GetInt32(), summary.GetProperty("pass@1").GetDouble()));
        Assert.Equal(JsonValueKind.Null, summary.GetProperty("base_pass@1").ValueKind);
        Assert.Equal([true, true, false], results.Select(r => r.GetProperty("correct").GetBoolean()));
        Assert.Equal("1000000", results[2].GetProperty("extracted").GetString());
    }

    [Theory]
    [InlineData("humaneval++", "unknown benchmark 'humaneval++'")]
    [InlineData("livecodebench", "does not exist")]
    public async Task Refuses_an_unknown_benchmark_or_missing_data_with_a_clear_message(string benchmark, string message)
    {
        var (exitCode, stdout, stderr, _) = await RunEvalIn(_folder, benchmark, [Sample("LiveCodeBench/0", "solution", "print(1)")]);

        Assert.Equal(2, exitCode);
        Assert.Equal("", stdout);
        Assert.Contains(message, stderr);
    }

    private Task<(int ExitCode, string Stdout, string Stderr, List<JsonElement> Results)> RunEval(string benchmark, IEnumerable<string> sampleLines,
        params string[] extra) => RunEvalIn(RepositoryPaths.Benchmarks, benchmark, sampleLines, extra);

    private async Task<(int ExitCode, string Stdout, string Stderr, List<JsonElement> Results)> RunEvalIn(string dataDirectory, string benchmark,
        IEnumerable<string> sampleLines, params string[] extra)
    {
        var samples = Path.Combine(_folder, "samples.jsonl");
        var results = Path.Combine(_folder, "results.jsonl");
        File.WriteAllLines(samples, sampleLines);
        File.Delete(results);
        var (exitCode, stdout, stderr) = await AzrBinary.RunAsync(["eval", "--benchmark", benchmark, "--samples", samples, "--data-dir", dataDirectory,
            "--out", results, "--cache-dir", fixture.CacheDirectory, "--workers", "2", .. extra], timeout: TimeSpan.FromMinutes(10));
        var lines = File.Exists(results)
            ? File.ReadAllLines(results).Select(l => JsonDocument.Parse(l).RootElement).ToList()
            : [];
        return (exitCode, stdout, stderr, lines);
    }

    private static string Sample(string taskId, string field, string text) =>
        JsonSerializer.Serialize(new Dictionary<string, string> { ["task_id"] = taskId, [field] = text });
}
