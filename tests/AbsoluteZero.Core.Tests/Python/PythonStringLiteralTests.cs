using AbsoluteZero.Core.Execution;
using AbsoluteZero.Core.Python;

namespace AbsoluteZero.Core.Tests.Python;

[Collection(SandboxCollection.Name)]
public class PythonStringLiteralTests(SandboxFixture sandbox)
{
    public static TheoryData<string> Texts =>
    [
        "",
        "plain",
        "it's \"quoted\"",
        "back\\slash \\n not a newline",
        "line\nbreak\ttab\rreturn",
        "nul\0 bell\a del\x7f",
        "é ß 中文 𝔘 🙂",
        "\u2028\u2029",
        "lone \ud800 surrogate",
        "'); import os; ('",
    ];

    [Theory]
    [MemberData(nameof(Texts))]
    public async Task Python_reads_our_literal_as_the_same_text_and_we_read_its_repr_back(string text)
    {
        var request = new ExecutionRequest("def f(s):\n    return [s, len(s)]", PythonStringLiteral.Encode(text)) { Policy = ExecutionPolicy.Benchmark };
        var result = (await sandbox.Pool.ExecuteAsync([request]))[0];
        Assert.True(result.IsOk, result.Error);
        var repr = result.Output!;
        // repr is "[<str repr>, <len>]": the length proves Python saw the same code points we count.
        var comma = repr.LastIndexOf(", ", StringComparison.Ordinal);
        Assert.Equal(text, PythonStringLiteral.Decode(repr[1..comma]));
        Assert.Equal(SandboxText.CodePoints(text).ToString(), repr[(comma + 2)..^1]);
    }

    [Theory]
    [InlineData("abc")]
    [InlineData("'unterminated")]
    [InlineData("'a' + 'b'")]
    [InlineData("'bad \\U0011ffff escape'")]
    public void Decode_refuses_what_is_not_one_literal(string text) =>
        Assert.Throws<FormatException>(() => PythonStringLiteral.Decode(text));

    [Fact]
    public void Python_whitespace_is_stripped_as_python_strips_it()
    {
        Assert.Equal("x", PythonText.Strip("\x1c\u3000 x \x1f\n"));
        Assert.Equal("a\u200bb", PythonText.Strip("a\u200bb"));
        Assert.Equal("x", PythonText.Strip("'\"x\"'", "\"'"));
    }
}
