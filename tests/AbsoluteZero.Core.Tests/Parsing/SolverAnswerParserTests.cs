using AbsoluteZero.Core.Parsing;

namespace AbsoluteZero.Core.Tests.Parsing;

/// <summary>Expected values were produced by the reference's extract_input_output / parse_code_function on the same text.</summary>
public class SolverAnswerParserTests
{
    [Theory]
    [InlineData("first ```input\n1\n``` then ```input\n'a', 2 \n```", "'a', 2 ")]
    [InlineData("# Input: [1, 2]\nthat's it", "[1, 2]\nthat's it")]
    [InlineData("I think input(3, 4) works", "3, 4")]
    [InlineData("<input> 'x' </input>", "'x' ")]
    [InlineData("So the input is 42.", "42")]
    [InlineData(" 'raw' ", " 'raw' ")]
    [InlineData("```input\n[1,\n 2]\n```", "[1,\n 2]")]
    public void Abduction_takes_the_last_input_block_then_the_fallbacks(string content, string expected) =>
        Assert.Equal(expected, SolverAnswerParser.Input(content));

    [Theory]
    [InlineData("```output\n{'a': 1}\n```", "{'a': 1}")]
    [InlineData("Thus the output is [1, 2].", "[1, 2]")]
    [InlineData("<output> 5", "5")]
    [InlineData("```output\n1\n```\n```output\n2\n```", "2")]
    public void Deduction_takes_the_last_output_block_then_the_fallbacks(string content, string expected) =>
        Assert.Equal(expected, SolverAnswerParser.Output(content));

    [Fact]
    public void Induction_takes_the_last_fenced_block_whatever_its_tag()
    {
        Assert.Equal("def f(a):\n    return a", SolverAnswerParser.Program("```python\ndef f(a): return 1\n```\n```python\ndef f(a):\n    return a\n```"));
        Assert.Equal("output\n5", SolverAnswerParser.Program("```python\ndef f(a): return 1\n```\n```output\n5\n```"));
        Assert.Null(SolverAnswerParser.Program("def f(a): return a"));
    }
}
