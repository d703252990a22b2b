using System.Diagnostics;
using AbsoluteZero.Evaluation.Benchmarks.CodeSets;

namespace AbsoluteZero.Evaluation.Tests.Code;

/// <summary>Python's json dialect in, Python source out: evaluating the source must give what json.loads gives.</summary>
public sealed class PyJsonTests
{
    [Fact]
    public void Reads_the_bare_constants_python_json_accepts()
    {
        var value = PyJson.Parse("[NaN, Infinity, -Infinity, -1.5e3, 12345678901234567890123]");

        Assert.Equal([PyJsonKind.NaN, PyJsonKind.Infinity, PyJsonKind.NegativeInfinity, PyJsonKind.Number, PyJsonKind.Number], value.Items.Select(i => i.Kind));
        Assert.Equal("12345678901234567890123", value.Items[4].Text);
        Assert.Equal("[float('nan'), float('inf'), float('-inf'), -1.5e3, 12345678901234567890123]", PythonLiteral.Of(value));
    }

    [Theory]
    [InlineData("[1, 2", "expected ',' or ']' at character 6")]
    [InlineData("{\"a\" 1}", "expected ':' at character 6")]
    [InlineData("[01]", "expected ',' or ']' at character 3")]
    [InlineData("\"tab\there\"", "control character in a string at character 6")]
    [InlineData("[1] x", "extra data after the JSON value at character 5")]
    [InlineData("\"\\q\"", "invalid escape '\\q' at character 4")]
    public void Rejects_what_python_rejects_and_says_where(string text, string message)
    {
        var error = Assert.Throws<PyJsonException>(() => PyJson.Parse(text));
        Assert.Equal(message, error.Message);
    }

    [Fact]
    public void Keeps_the_raw_text_and_line_of_every_value()
    {
        var value = PyJson.Parse("[\n  {\"a\": [1.50, \"x\\/y\"]},\n  true\n]");

        Assert.Equal("{\"a\": [1.50, \"x\\/y\"]}", value.Items[0].Raw);
        Assert.Equal(2, value.Items[0].Line);
        Assert.Equal(3, value.Items[1].Line);
        Assert.Equal("x/y", value.Items[0]["a"]!.Items[1].Text);
    }

    [Fact]
    public void Python_source_evaluates_to_exactly_what_json_loads_gives()
    {
        // Surrogate pairs, a lone surrogate, control and non-ASCII characters, quotes, escaped slash, duplicate keys,
        // big ints and float spellings: the literal must survive an ASCII transport and mean the same to Python.
        const string json = """
            {"s": ["a'b\"c\\d", "\u00e9\u4e2d\ud83d\ude00", "\ud800 lone", "\u0001\u007f\t\n\r", "x\/y"],
             "n": [0, -0, 1e400, -1e-400, 1.0, 3.14159265358979323846, 123456789012345678901234567890],
             "dup": 1, "dup": 2, "nested": [[], {}, [null, true, false]]}
            """;
        var literal = PythonLiteral.Of(PyJson.Parse(json));
        Assert.All(literal, c => Assert.InRange(c, ' ', '~'));

        var check = $"import json, sys\nexpected = json.loads(sys.stdin.read())\nactual = {literal}\n"
                    + "print(repr(actual) == repr(expected) and list(actual) == list(expected))";
        Assert.Equal("True", RunPython(check, json));
    }

    internal static string RunPython(string code, string stdin)
    {
        var start = new ProcessStartInfo("/usr/bin/python3", ["-c", code])
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = Process.Start(start)!;
        process.StandardInput.Write(stdin);
        process.StandardInput.Close();
        var stdout = process.StandardOutput.ReadToEnd();
        var stderr = process.StandardError.ReadToEnd();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, stderr);
        return stdout.Trim();
    }
}
