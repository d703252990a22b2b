using AbsoluteZero.Evaluation.Runs;

namespace AbsoluteZero.Evaluation.Tests.Code;

/// <summary>Sample lines: the two EvalPlus forms, math responses, and a clear error naming the line for anything else.</summary>
public sealed class SampleFileTests
{
    [Theory]
    [InlineData("""{"task_id": "HumanEval/0", "solution": "def f(): pass"}""", "HumanEval/0", SampleField.Solution, "def f(): pass")]
    [InlineData("""{"task_id": "HumanEval/0", "completion": "    return 1\n"}""", "HumanEval/0", SampleField.Completion, "    return 1\n")]
    [InlineData("""{"task_id": "Mbpp/2", "completion": "x", "solution": "y"}""", "Mbpp/2", SampleField.Solution, "y")]
    [InlineData("""{"task_id": 2, "solution": "y", "extra": [1, 2]}""", "2", SampleField.Solution, "y")]
    public void Reads_code_samples(string text, string taskId, SampleField field, string program)
    {
        var line = SampleFile.Parse(text, 7, math: false);

        Assert.Equal(new SampleLine(7, taskId, field, program, null), line);
    }

    [Theory]
    [InlineData("{broken", false, "line 3: not valid JSON (")]
    [InlineData("[1, 2]", false, "line 3: a sample must be a JSON object")]
    [InlineData("""{"solution": "x"}""", false, "line 3: missing field 'task_id'")]
    [InlineData("""{"task_id": null, "solution": "x"}""", false, "line 3: field 'task_id' must be a non-empty string or an integer")]
    [InlineData("""{"task_id": "", "solution": "x"}""", false, "line 3: field 'task_id' must be a non-empty string or an integer")]
    [InlineData("""{"task_id": 1.5, "solution": "x"}""", false, "line 3: field 'task_id' must be a non-empty string or an integer")]
    [InlineData("""{"task_id": "HumanEval/0"}""", false, "line 3: missing field 'solution' or 'completion'")]
    [InlineData("""{"task_id": "HumanEval/0", "solution": 5}""", false, "line 3: field 'solution' must be a string")]
    [InlineData("""{"task_id": "HumanEval/0", "response": "5"}""", false, "line 3: missing field 'solution' or 'completion'")]
    [InlineData("""{"task_id": "60", "solution": "5"}""", true, "line 3: missing field 'response'")]
    [InlineData("""{"task_id": "60", "response": ["5"]}""", true, "line 3: field 'response' must be a string")]
    public void Names_the_line_and_the_problem_of_a_bad_sample(string text, bool math, string error)
    {
        var line = SampleFile.Parse(text, 3, math);

        Assert.False(line.IsValid);
        Assert.StartsWith(error, line.Error);
    }

    [Fact]
    public void Reads_a_file_keeping_line_numbers_and_skipping_only_blank_lines()
    {
        var path = Path.GetTempFileName();
        try
        {
            File.WriteAllText(path, "{\"task_id\": \"60\", \"response\": \"\\\\boxed{5}\"}\n\n   \n{oops}\n{\"task_id\": 61, \"response\": \"7\"}");

            var lines = SampleFile.Read(path, math: true);

            Assert.Equal([1, 4, 5], lines.Select(l => l.Line));
            Assert.Equal([true, false, true], lines.Select(l => l.IsValid));
            Assert.Equal(("61", "7"), (lines[2].TaskId, lines[2].Text));
        }
        finally
        {
            File.Delete(path);
        }
    }
}
