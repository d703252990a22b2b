using AbsoluteZero.Core.Configuration;
using AbsoluteZero.Core.Parsing;

namespace AbsoluteZero.Core.Tests.Parsing;

/// <summary>Expected values were produced by the reference's own regexes (parse_code_input_output) on the same text.</summary>
public class ProposalParserTests
{
    private static ParseResult<ParsedProposal> Qwen(string content) => ProposalParser.ParseTriplet(content, true, FunctionRename.First);

    private static ParseResult<ParsedProposal> Llama(string content) => ProposalParser.ParseTriplet(content, false, FunctionRename.AnyLast);

    [Fact]
    public void Renames_the_entry_function_and_its_recursive_calls()
    {
        var r = Qwen("```python\ndef solve(x):\n    return solve(x-1) if x else 0\n```\n```input\n3\n```");
        Assert.True(r.Ok);
        Assert.Equal("def f(x):\n    return f(x-1) if x else 0", r.Value!.Program);
        Assert.Equal("3", r.Value.Input);
    }

    [Fact]
    public void Renaming_also_hits_method_calls_of_the_same_name_but_not_longer_names()
    {
        var r = Qwen("```python\ndef go(a):\n    return a.go(1) + go_(2)\n```\n```input\n1\n```");
        Assert.Equal("def f(a):\n    return a.f(1) + go_(2)", r.Value!.Program);
    }

    [Fact]
    public void Spaces_around_the_name_are_renamed_too()
    {
        var r = Qwen("```python\ndef  spaced (a):\n    return spaced (a)\n```\n```input\n1\n```");
        Assert.Equal("def f(a):\n    return f(a)", r.Value!.Program);
    }

    [Fact]
    public void Kept_quirk_an_unlabelled_block_before_the_code_is_taken_as_the_code()
    {
        var r = Qwen("```\nnot code\n```\n```python\ndef f(a):\n    return a\n```\n```input\n1\n```");
        Assert.False(r.Ok);
        Assert.Contains("no function", r.Failure);
    }

    [Fact]
    public void Kept_quirk_an_input_block_first_is_taken_as_the_code()
    {
        Assert.False(Qwen("```input\n5\n```\n```python\ndef f(a):\n    return a\n```").Ok);
    }

    [Fact]
    public void Falls_back_to_an_input_heading()
    {
        var r = Qwen("```python\ndef g(a):\n    return a\n```\n# Input: 'x', 2");
        Assert.Equal("def f(a):\n    return a", r.Value!.Program);
        Assert.Equal("'x', 2", r.Value.Input);
    }

    [Fact]
    public void Tags_are_case_insensitive()
    {
        var r = Qwen("```PYTHON\ndef h(a):\n    return a\n```\n```INPUT\n'A'\n```");
        Assert.Equal("def f(a):\n    return a", r.Value!.Program);
        Assert.Equal("'A'", r.Value.Input);
    }

    [Fact]
    public void Kept_quirk_nested_functions_and_methods_count_as_defs()
    {
        const string nested = "```python\ndef f(a):\n    def helper(b):\n        return b\n    return helper(a)\n```\n```input\n1\n```";
        const string method = "```python\nclass A:\n    def m(self):\n        return 1\ndef f(a):\n    return A().m()\n```\n```input\n1\n```";
        Assert.Contains("2 `def`s", Qwen(nested).Failure);
        Assert.Contains("2 `def`s", Qwen(method).Failure);
        // Llama settings allow several defs and keep f when present.
        Assert.Equal("def f(a):\n    def helper(b):\n        return b\n    return helper(a)", Llama(nested).Value!.Program);
        Assert.Equal("class A:\n    def m(self):\n        return 1\ndef f(a):\n    return A().m()", Llama(method).Value!.Program);
    }

    [Fact]
    public void Any_last_renames_the_last_def_when_there_is_no_f()
    {
        var r = Llama("```python\ndef helper(b):\n    return b\ndef main(a):\n    return helper(a)\n```\n```input\n1\n```");
        Assert.Equal("def helper(b):\n    return b\ndef f(a):\n    return helper(a)", r.Value!.Program);
        var first = ProposalParser.ParseTriplet("```python\ndef helper(b):\n    return b\ndef main(a):\n    return helper(a)\n```\n```input\n1\n```", false, FunctionRename.First);
        Assert.Equal("def f(b):\n    return b\ndef main(a):\n    return f(a)", first.Value!.Program);
    }

    [Theory]
    [InlineData("```python\nx = 1\n```\n```input\n1\n```", "defines no function")]
    [InlineData("```python\ndef f(a):\n    return a\n```", "no ```input``` block")]
    [InlineData("# Input: 1", "no code block")]
    [InlineData("", "no code block and no ```input``` block")]
    public void Says_why_a_proposal_does_not_parse(string content, string reason)
    {
        var r = Qwen(content);
        Assert.False(r.Ok);
        Assert.Contains(reason, r.Failure);
    }

    private static string Inputs(int n, int from = 0) => string.Concat(Enumerable.Range(from, n).Select(i => $"```input\n{i}\n```\n"));

    [Fact]
    public void Induction_keeps_the_last_n_inputs()
    {
        var r = ProposalParser.ParseInduction(Inputs(12) + "```message\nhi there\n```", 10);
        Assert.Equal(Enumerable.Range(2, 10).Select(i => i.ToString()), r.Value!.Inputs);
        Assert.Equal("hi there", r.Value.Message);
    }

    [Fact]
    public void Induction_message_fallbacks_in_the_reference_order()
    {
        Assert.Equal("tag msg", ProposalParser.ParseInduction(Inputs(10) + "<message> tag msg </message>", 10).Value!.Message);
        Assert.Equal("heading msg", ProposalParser.ParseInduction(Inputs(10) + "# Message: heading msg", 10).Value!.Message);
        Assert.Contains("no ```message``` block", ProposalParser.ParseInduction(Inputs(10), 10).Failure);
    }

    [Fact]
    public void Induction_needs_enough_input_blocks_and_input_headings_do_not_count()
    {
        Assert.Contains("9 ```input``` blocks; 10 are needed", ProposalParser.ParseInduction(Inputs(9) + "```message\nm\n```", 10).Failure);
        var headings = string.Concat(Enumerable.Range(0, 10).Select(i => $"# Input: {i}\n")) + "```message\nm\n```";
        Assert.False(ProposalParser.ParseInduction(headings, 10).Ok);
    }
}
