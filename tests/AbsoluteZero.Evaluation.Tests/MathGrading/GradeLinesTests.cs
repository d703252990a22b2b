using System.Text.Json;
using AbsoluteZero.Evaluation.MathGrading;

namespace AbsoluteZero.Evaluation.Tests.MathGrading;

public class GradeLinesTests
{
    private static JsonElement Grade(string line, int number = 1) => JsonDocument.Parse(GradeLines.Grade(line, number)).RootElement;

    [Fact]
    public void A_graded_line_has_id_extracted_and_correct_in_snake_case()
    {
        var result = Grade("""{"id": "q1", "benchmark": "math500", "response": "so $\\boxed{\\dfrac{1}{2}}$", "answer": "\\frac12"}""");
        Assert.Equal(["id", "extracted", "correct"], result.EnumerateObject().Select(p => p.Name));
        Assert.Equal("q1", result.GetProperty("id").GetString());
        Assert.Equal("\\dfrac{1}{2}", result.GetProperty("extracted").GetString());
        Assert.True(result.GetProperty("correct").GetBoolean());
    }

    [Fact]
    public void Numeric_ids_and_numeric_answers_pass_through()
    {
        var result = Grade("""{"id": 7, "benchmark": "amc2023", "response": "\\boxed{27}", "answer": 27.0}""");
        Assert.Equal(7, result.GetProperty("id").GetInt32());
        Assert.True(result.GetProperty("correct").GetBoolean());
    }

    [Theory]
    [InlineData("""{"id": 1, "benchmark": "gsm8k", "response": "so 18 dollars", "answer": "She makes 9 * 2 = <<9*2=18>>18.\n#### 18"}""", "18", true)]
    [InlineData("""{"id": 1, "benchmark": "gsm8k", "response": "so 1,250 dollars", "answer": "1250"}""", "1250", true)]
    [InlineData("""{"id": 1, "benchmark": "minerva-math", "response": "\\boxed{4.5 \\times 10^{33}}", "answer": "L \\simeq \\boxed{4.5e33} \\mathrm{ergs}"}""", "4.5 \\times 10^{33}", true)]
    [InlineData("""{"id": 1, "benchmark": "minerva-math", "response": "\\boxed{1.6}", "answer": "1.6"}""", "1.6", true)]
    [InlineData("""{"id": 1, "benchmark": "olympiadbench", "response": "\\boxed{69}, \\boxed{84}", "answer": ["$69$,$84$"], "is_multiple_answer": true}""", "69, 84", true)]
    [InlineData("""{"id": 1, "benchmark": "olympiadbench", "response": "\\boxed{84}", "answer": ["$69$", "$84$"]}""", "84", false)]
    [InlineData("""{"id": 1, "benchmark": "olympiadbench", "response": "\\boxed{\\frac{1}{2}}", "answer": "$\\frac{1}{2}$"}""", "\\frac{1}{2}", true)]
    [InlineData("""{"id": 1, "benchmark": "aime2025", "response": "<answer>\\boxed{070}</answer>", "answer": "70"}""", "070", true)]
    [InlineData("""{"id": 1, "benchmark": "aime2024", "response": "I could not solve it.", "answer": "025"}""", null, false)]
    public void The_answer_field_is_read_as_each_benchmark_stores_it(string line, string? extracted, bool correct)
    {
        var result = Grade(line);
        Assert.Equal(extracted, result.GetProperty("extracted").GetString());
        Assert.Equal(correct, result.GetProperty("correct").GetBoolean());
    }

    [Theory]
    [InlineData("not json", "not valid JSON")]
    [InlineData("[1, 2]", "must be a JSON object")]
    [InlineData("""{"id": 3, "benchmark": "math500", "answer": "1"}""", "missing field \"response\"")]
    [InlineData("""{"id": 3, "benchmark": "math500", "response": "1"}""", "missing field \"answer\"")]
    [InlineData("""{"id": 3, "benchmark": "math500", "response": 1, "answer": "1"}""", "\"response\" must be a string")]
    [InlineData("""{"id": 3, "response": "1", "answer": "1"}""", "missing field \"benchmark\"")]
    [InlineData("""{"id": 3, "benchmark": "math5000", "response": "1", "answer": "1"}""", "unknown benchmark 'math5000'")]
    [InlineData("""{"id": 3, "benchmark": "humaneval-plus", "response": "1", "answer": "1"}""", "'humaneval-plus' is a code benchmark")]
    [InlineData("""{"id": 3, "benchmark": "math500", "response": "1", "answer": {"a": 1}}""", "\"answer\" must be a string")]
    [InlineData("""{"id": 3, "benchmark": "math500", "response": "1", "answer": "  "}""", "\"answer\" is empty")]
    public void A_bad_line_gets_an_error_naming_its_line(string line, string message)
    {
        var result = Grade(line, 42);
        Assert.Equal(42, result.GetProperty("line").GetInt32());
        Assert.Contains(message, result.GetProperty("error").GetString());
        Assert.False(result.TryGetProperty("correct", out _));
    }

    [Fact]
    public void The_id_is_kept_on_an_error_when_it_could_be_read()
    {
        var result = Grade("""{"id": "abc", "benchmark": "nope", "response": "1", "answer": "1"}""");
        Assert.Equal("abc", result.GetProperty("id").GetString());
    }

    [Fact]
    public void Hostile_answers_are_graded_not_crashed()
    {
        var deep = new string('(', 5000) + "2" + new string(')', 5000);
        var nested = string.Concat(Enumerable.Repeat("\\frac{1}{", 1500)) + "2" + new string('}', 1500);
        var longList = string.Join(",", Enumerable.Range(0, 3000));
        var powers = "10^{10^{10^{10}}}";
        foreach (var response in new[] { deep, nested, longList, powers, "\\frac{1}{0}", "0^{-1}", "\\boxed{" + new string('{', 3000) + "}" })
        {
            var result = Grade(JsonSerializer.Serialize(new { id = 1, benchmark = "math500", response = $"\\boxed{{{response}}}", answer = "1" }));
            Assert.False(result.GetProperty("correct").GetBoolean());
        }
    }
}
