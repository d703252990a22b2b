using System.Diagnostics;
using System.Text.Json;
using AbsoluteZero.Testing;

namespace AbsoluteZero.Evaluation.Tests.Cli;

/// <summary><c>azr grade</c> end to end: the built binary, JSON lines on stdin, results on stdout.</summary>
public class GradeCommandTests
{
    private static string AzrDll
    {
        get
        {
            // The test's own output folder is …/bin/<Configuration>/net10.0/; the CLI is built beside it.
            var configuration = new DirectoryInfo(Path.TrimEndingDirectorySeparator(AppContext.BaseDirectory)).Parent!.Name;
            var dll = Path.Combine(RepositoryPaths.Root, "src", "AbsoluteZero.Cli", "bin", configuration, "net10.0", "azr.dll");
            Assert.True(File.Exists(dll), $"azr is not built at {dll}");
            return dll;
        }
    }

    private static (int ExitCode, string Stdout, string Stderr) RunAzr(string stdin, params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(AzrDll);
        foreach (var argument in arguments)
            start.ArgumentList.Add(argument);
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        process.StandardInput.Write(stdin);
        process.StandardInput.Close();
        Assert.True(process.WaitForExit(TimeSpan.FromMinutes(2)), "azr grade did not finish");
        return (process.ExitCode, stdout.Result, stderr.Result);
    }

    [Fact]
    public void Grades_stdin_to_stdout_one_line_per_line_and_survives_bad_lines()
    {
        var input = string.Join("\n",
            """{"id": 1, "benchmark": "math500", "response": "Thus $\\boxed{\\left( 3, \\frac{\\pi}{2} \\right)}$.", "answer": "\\left( 3, \\frac{\\pi}{2} \\right)"}""",
            """{"id": 2, "benchmark": "aime2024", "response": "<think>...</think><answer>25</answer>", "answer": "025"}""",
            "{broken",
            "",
            """{"id": 4, "benchmark": "gsm8k", "response": "She pays $70,001 in total.", "answer": "#### 70,000"}""",
            """{"id": 5, "benchmark": "chess", "response": "1", "answer": "1"}""",
            """{"id": "six", "benchmark": "olympiadbench", "response": "$\\boxed{(1,2)}, \\boxed{(2,1)}$", "answer": ["$(2,1),(1,2)$"], "is_multiple_answer": true}""");
        var (exitCode, stdout, stderr) = RunAzr(input + "\n", "grade");

        Assert.Equal(0, exitCode);
        Assert.Equal("", stderr);
        var lines = stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        Assert.Equal(6, lines.Count);
        Assert.True(lines[0].GetProperty("correct").GetBoolean());
        Assert.Equal("\\left( 3, \\frac{\\pi}{2} \\right)", lines[0].GetProperty("extracted").GetString());
        Assert.True(lines[1].GetProperty("correct").GetBoolean());
        Assert.Equal(3, lines[2].GetProperty("line").GetInt32());
        Assert.Contains("not valid JSON", lines[2].GetProperty("error").GetString());
        Assert.False(lines[3].GetProperty("correct").GetBoolean());
        Assert.Equal("70001", lines[3].GetProperty("extracted").GetString());
        Assert.Equal(6, lines[4].GetProperty("line").GetInt32());
        Assert.Contains("unknown benchmark 'chess'", lines[4].GetProperty("error").GetString());
        Assert.Equal("six", lines[5].GetProperty("id").GetString());
        Assert.True(lines[5].GetProperty("correct").GetBoolean());
    }

    [Fact]
    public void Reads_a_file_argument_and_writes_an_output_file()
    {
        var directory = Path.Combine(Path.GetTempPath(), "azr-grade-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(directory);
        try
        {
            var input = Path.Combine(directory, "answers.jsonl");
            var output = Path.Combine(directory, "graded.jsonl");
            File.WriteAllText(input, """{"id": 1, "benchmark": "minerva-math", "response": "\\boxed{4.5\\times 10^{33}}", "answer": "4.5e33"}""" + "\n");
            var (exitCode, stdout, _) = RunAzr("", "grade", input, "--output", output);
            Assert.Equal(0, exitCode);
            Assert.Equal("", stdout);
            Assert.Equal("""{"id":1,"extracted":"4.5\\times 10^{33}","correct":true}""", File.ReadAllText(output).Trim());

            var (missingExit, _, missingError) = RunAzr("", "grade", Path.Combine(directory, "nope.jsonl"));
            Assert.NotEqual(0, missingExit);
            Assert.Contains("nope.jsonl", missingError);
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }
}
