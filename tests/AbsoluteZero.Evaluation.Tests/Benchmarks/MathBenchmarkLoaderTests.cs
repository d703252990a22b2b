using AbsoluteZero.Evaluation.Benchmarks.MathSets;
using AbsoluteZero.Testing;

namespace AbsoluteZero.Evaluation.Tests.Benchmarks;

public class MathBenchmarkLoaderTests
{
    [Theory]
    [InlineData("aime2024", 30)]
    [InlineData("aime2025", 30)]
    [InlineData("amc2023", 40)]
    [InlineData("math500", 500)]
    [InlineData("minerva-math", 272)]
    [InlineData("olympiadbench", 675)]
    [InlineData("gsm8k", 1319)]
    public void Every_row_of_the_real_files_loads(string benchmark, int rows)
    {
        var problems = MathBenchmarkLoader.Load(RepositoryPaths.Benchmarks, benchmark);
        Assert.Equal(rows, problems.Count);
        Assert.All(problems, p =>
        {
            Assert.Equal(benchmark, p.Benchmark);
            Assert.False(string.IsNullOrWhiteSpace(p.Question));
            Assert.NotEmpty(p.Reference.Answers);
            Assert.All(p.Reference.Answers, a => Assert.False(string.IsNullOrWhiteSpace(a)));
        });
        Assert.Equal(rows, problems.Select(p => p.Id).Distinct().Count());
    }

    [Fact]
    public void Each_benchmark_keeps_its_own_answer_style()
    {
        var aime24 = MathBenchmarkLoader.Load(RepositoryPaths.Benchmarks, "aime2024");
        Assert.Equal(("60", "204"), (aime24[0].Id, aime24[0].Reference.Answers[0]));
        Assert.Contains(aime24, p => p.Reference.Answers[0] == "025");

        var aime25 = MathBenchmarkLoader.Load(RepositoryPaths.Benchmarks, "aime2025");
        Assert.Equal(("I-1", "70"), (aime25[0].Id, aime25[0].Reference.Answers[0]));
        Assert.Null(aime25[0].Solution);

        var amc = MathBenchmarkLoader.Load(RepositoryPaths.Benchmarks, "amc2023");
        Assert.Equal(("0", "27"), (amc[0].Id, amc[0].Reference.Answers[0]));

        var math500 = MathBenchmarkLoader.Load(RepositoryPaths.Benchmarks, "math500");
        Assert.Equal("test/precalculus/807.json", math500[0].Id);
        Assert.Equal("\\left( 3, \\frac{\\pi}{2} \\right)", math500[0].Reference.Answers[0]);
        Assert.Equal(("Precalculus", 2), (math500[0].Subject, math500[0].Level));

        var minerva = MathBenchmarkLoader.Load(RepositoryPaths.Benchmarks, "minerva-math");
        Assert.Equal(["1.6", "4.5e33", "41.8"], minerva.Take(3).Select(p => p.Reference.Answers[0]));
        Assert.Contains("\\boxed{1.6}", minerva[0].Solution);

        var olympiad = MathBenchmarkLoader.Load(RepositoryPaths.Benchmarks, "olympiadbench");
        Assert.Equal(("1606", "2"), (olympiad[0].Id, olympiad[0].Reference.Answers[0]));
        Assert.Equal(94, olympiad.Count(p => p.Reference.IsMultipleAnswer));
        Assert.Equal(8, olympiad.Count(p => p.Reference.Unit is not null));
        Assert.Equal(572, olympiad.Count(p => p.AnswerType == "Numerical"));
        Assert.Equal(6, olympiad.Count(p => p.AnswerType == "Interval"));
        Assert.Single(olympiad, p => p.Reference.AbsoluteError == 0.1m);
        Assert.Equal(["$69$,$84$"], olympiad.Single(p => p.Id == "1664").Reference.Answers);

        var gsm8k = MathBenchmarkLoader.Load(RepositoryPaths.Benchmarks, "gsm8k");
        Assert.Equal(("0", "18"), (gsm8k[0].Id, gsm8k[0].Reference.Answers[0]));
        Assert.Equal("70000", gsm8k[2].Reference.Answers[0]);
        Assert.DoesNotContain(gsm8k, p => p.Reference.Answers[0].Contains(','));
    }

    [Theory]
    [InlineData("math500", "{\"problem\": \"p\", \"answer\": \"1\", \"unique_id\": \"a\"}\n{\"problem\": \"q\", \"answer\": ", 2, "not valid JSON")]
    [InlineData("math500", "{\"problem\": \"p\", \"unique_id\": \"a\"}", 1, "missing field 'answer'")]
    [InlineData("aime2024", "{\"id\": 1, \"problem\": 7, \"answer\": \"1\"}", 1, "field 'problem' must be a string")]
    [InlineData("aime2024", "{\"id\": [1], \"problem\": \"p\", \"answer\": \"1\"}", 1, "field 'id' must be a number or a string")]
    [InlineData("amc2023", "{\"id\": 1, \"problem\": \"p\", \"answer\": null}", 1, "field 'answer' must be a non-empty string or number")]
    [InlineData("gsm8k", "{\"question\": \"q\", \"answer\": \"18\\n#### 18\"}\n\n{\"question\": \"q\", \"answer\": \"no marker\"}", 3, "'#### '")]
    [InlineData("minerva-math", "{\"problem\": \"p\", \"solution\": \"no box\", \"idx\": 0}", 1, "no \\boxed{} answer")]
    [InlineData("olympiadbench", "{\"id\": 1, \"question\": \"q\", \"final_answer\": [], \"is_multiple_answer\": false}", 1, "non-empty list")]
    [InlineData("olympiadbench", "{\"id\": 1, \"question\": \"q\", \"final_answer\": [\"1\"], \"is_multiple_answer\": \"no\"}", 1, "must be true or false")]
    [InlineData("olympiadbench", "[1, 2]", 1, "JSON object")]
    public void A_bad_row_is_reported_with_file_and_line(string benchmark, string content, int line, string problem)
    {
        using var data = new TemporaryDataDirectory(benchmark, content);
        var error = Assert.Throws<BenchmarkDataException>(() => MathBenchmarkLoader.Load(data.Path, benchmark));
        Assert.Equal(line, error.Line);
        Assert.StartsWith($"{MathBenchmarkLoader.PathFor(data.Path, benchmark)}:{line}: ", error.Message);
        Assert.Contains(problem, error.Message);
    }

    [Fact]
    public void A_missing_file_and_a_non_math_benchmark_are_named()
    {
        using var data = new TemporaryDataDirectory("math500", "");
        var missing = Assert.Throws<BenchmarkDataException>(() => MathBenchmarkLoader.Load(data.Path, "aime2025"));
        Assert.Contains("aime2025", missing.Message);
        var empty = Assert.Throws<BenchmarkDataException>(() => MathBenchmarkLoader.Load(data.Path, "math500"));
        Assert.Contains("no rows", empty.Message);
        var notMath = Assert.Throws<ArgumentException>(() => MathBenchmarkLoader.Load(data.Path, "humaneval-plus"));
        Assert.Contains("not a math benchmark", notMath.Message);
    }

    private sealed class TemporaryDataDirectory : IDisposable
    {
        public TemporaryDataDirectory(string benchmark, string content)
        {
            Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "azr-math-" + Guid.NewGuid().ToString("N"));
            Directory.CreateDirectory(System.IO.Path.Combine(Path, benchmark));
            File.WriteAllText(MathBenchmarkLoader.PathFor(Path, benchmark), content);
        }

        public string Path { get; }

        public void Dispose() => Directory.Delete(Path, recursive: true);
    }
}
