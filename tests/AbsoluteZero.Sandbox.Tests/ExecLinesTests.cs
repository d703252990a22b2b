using System.Text.Json;

namespace AbsoluteZero.Sandbox.Tests;

/// <summary>The <c>azr exec</c> protocol over a real pool: one answer per request line, errors that name the line.</summary>
[Collection(SandboxCollection.Name)]
public sealed class ExecLinesTests(SandboxFixture sandbox)
{
    [Fact]
    public async Task Every_request_line_gets_exactly_one_answer_with_its_id()
    {
        var lines = new[]
        {
            """{"id": "ok", "program": "def f(x):\n    return {x: [x]}", "input": "'k'", "check": "validate"}""",
            """{"id": 17, "program": "def f():\n    return 1 / 0", "input": ""}""",
            """{"id": "slow", "program": "def f():\n    while True:\n        pass", "input": "", "timeout_ms": 300}""",
            "",
            """{"id": "banned", "program": "import os\ndef f():\n    return 1", "input": "", "check": "run"}""",
            """{"id": "bench", "program": "import os\ndef f():\n    return 1", "input": "", "policy": "benchmark"}""",
            """{"id": "syntax", "program": "def f(:", "input": ""}""",
        };
        var answers = await RunAsync(lines);
        Assert.Equal(6, answers.Count);
        Assert.Equal(["'banned'", "'bench'", "'ok'", "'slow'", "'syntax'", "17"], answers.Select(Id).Order(StringComparer.Ordinal));
        Assert.Equal(("ok", "{'k': ['k']}"), StatusAndOutput(answers, "'ok'"));
        Assert.Equal("error", Field(answers, "17", "status"));
        Assert.Equal("ZeroDivisionError: division by zero", Field(answers, "17", "error"));
        Assert.Equal("timeout", Field(answers, "'slow'", "status"));
        Assert.Equal("forbidden", Field(answers, "'banned'", "status"));
        Assert.Equal(("ok", "1"), StatusAndOutput(answers, "'bench'"));
        Assert.Equal("syntax", Field(answers, "'syntax'", "status"));
        Assert.All(answers, a => Assert.Equal(["id", "status", "output", "error", "ms"], a.RootElement.EnumerateObject().Select(p => p.Name)));
    }

    [Theory]
    [InlineData("not json", "line 1: not valid JSON", null)]
    [InlineData("[1, 2]", "line 1: expected a JSON object", null)]
    [InlineData("""{"id": "x", "input": ""}""", "line 1: field 'program'", "x")]
    [InlineData("""{"id": "x", "program": "def f(): return 1"}""", "line 1: field 'input'", "x")]
    [InlineData("""{"id": "x", "program": "def f(): return 1", "input": "", "check": "twice"}""", "line 1: field 'check'", "x")]
    [InlineData("""{"id": "x", "program": "def f(): return 1", "input": "", "policy": "none"}""", "line 1: field 'policy'", "x")]
    [InlineData("""{"id": "x", "program": "def f(): return 1", "input": "", "timeout_ms": -1}""", "line 1: field 'timeout_ms'", "x")]
    [InlineData("""{"id": "x", "program": 5, "input": ""}""", "line 1: field 'program'", "x")]
    public async Task A_malformed_line_gets_an_error_naming_it_and_the_id_when_readable(string line, string error, string? id)
    {
        var answers = await RunAsync([line]);
        var answer = Assert.Single(answers).RootElement;
        Assert.Equal("error", answer.GetProperty("status").GetString());
        Assert.StartsWith(error, answer.GetProperty("error").GetString());
        if (id is null)
            Assert.Equal(JsonValueKind.Null, answer.GetProperty("id").ValueKind);
        else
            Assert.Equal(id, answer.GetProperty("id").GetString());
    }

    [Fact]
    public async Task Answers_start_before_the_input_ends()
    {
        var pipe = new System.IO.Pipelines.Pipe();
        var input = new StreamReader(pipe.Reader.AsStream());
        var output = new StringWriter();
        var running = ExecLines.RunAsync(sandbox.Pool, input, output);
        await pipe.Writer.WriteAsync("""{"id": 1, "program": "def f():\n    return 'first'", "input": ""}"""u8.ToArray().Concat("\n"u8.ToArray()).ToArray());
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (!output.ToString().Contains("'first'") && DateTime.UtcNow < deadline)
            await Task.Delay(20);
        Assert.Contains("'first'", output.ToString());
        Assert.False(running.IsCompleted);
        await pipe.Writer.CompleteAsync();
        await running;
    }

    private async Task<List<JsonDocument>> RunAsync(IEnumerable<string> lines)
    {
        var output = new StringWriter();
        await ExecLines.RunAsync(sandbox.Pool, new StringReader(string.Join("\n", lines) + "\n"), output);
        return output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(line => JsonDocument.Parse(line)).ToList();
    }

    private static string Id(JsonDocument answer) => answer.RootElement.GetProperty("id") is var id && id.ValueKind == JsonValueKind.String ? $"'{id.GetString()}'" : id.GetRawText();

    private static string? Field(List<JsonDocument> answers, string id, string name) =>
        answers.Single(a => Id(a) == id).RootElement.GetProperty(name).GetString();

    private static (string?, string?) StatusAndOutput(List<JsonDocument> answers, string id) => (Field(answers, id, "status"), Field(answers, id, "output"));
}
