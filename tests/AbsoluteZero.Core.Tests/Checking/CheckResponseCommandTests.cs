using System.Text.Json.Nodes;

namespace AbsoluteZero.Core.Tests.Checking;

/// <summary>
/// <c>azr check-response</c> end to end: the built binary, real sandbox, stdin to stdout. One run judges every case
/// (a short sandbox timeout keeps the timeout case fast); each output line is checked field by field.
/// </summary>
public class CheckResponseCommandTests
{
    private sealed record Case(JsonObject Request, bool? FormatOk, bool? Valid, bool? Correct, double? Reward, string? Output = null, string[]? Outputs = null, string? Reason = null);

    private static JsonObject Line(string id, string type, string role, string response, JsonObject? task = null, double? solveRate = null) => new()
    {
        ["id"] = id,
        ["task_type"] = type,
        ["role"] = role,
        ["response"] = response,
        ["task"] = task,
        ["solve_rate"] = solveRate,
    };

    private static string Proposal(string program, string input, bool formatted = true) =>
        (formatted ? " Let me design it.</think>\n<answer>" : " Let me design it.\n<answer>") + $"```python\n{program}\n```\n```input\n{input}\n```\n</answer>";

    private static string Answer(string block, string body, bool formatted = true) =>
        (formatted ? " Working it out.</think> <answer>" : " Working it out. <answer>") + $"```{block}\n{body}\n```</answer>";

    private static string InductionProposal(IEnumerable<string> inputs, string? message = "it squares") =>
        " plan</think><answer>" + string.Concat(inputs.Select(i => $"```input\n{i}\n```\n")) + (message is null ? "" : $"```message\n{message}\n```") + "</answer>";

    private static JsonObject TripletTask(string program, string input, string output) => new() { ["program"] = program, ["input"] = input, ["output"] = output };

    private const string Reverse = "def f(s):\n    return s[::-1]";
    private const string Square = "def f(x):\n    return x * x";
    private static readonly string[] Ten = ["1", "2", "3", "4", "5", "6", "7", "8", "9", "10"];
    private static readonly string[] Squares = ["1", "4", "9", "16", "25", "36", "49", "64", "81", "100"];

    private static JsonObject SquareTask() => new()
    {
        ["program"] = Square,
        ["inputs"] = new JsonArray(Ten.Select(i => (JsonNode?)i).ToArray()),
        ["outputs"] = new JsonArray(Squares.Select(o => (JsonNode?)o).ToArray()),
        ["message"] = "it squares",
    };

    private static readonly Case[] Cases =
    [
        // deduction / abduction proposals: valid (reward from the solve rate), then one case per reason to be invalid
        new(Line("p-valid", "deduction", "propose", Proposal("def rev(s):\n    return rev2(s)[::-1] if False else s[::-1]", "'abc'"), solveRate: 0.25), true, true, null, 0.75, Output: "'cba'"),
        new(Line("p-extreme-0", "abduction", "propose", Proposal(Reverse, "'abc'"), solveRate: 0), true, true, null, -0.5, Output: "'cba'"),
        new(Line("p-extreme-1", "abduction", "propose", Proposal(Reverse, "[1, 2]"), solveRate: 1), true, true, null, -0.5, Output: "[2, 1]"),
        new(Line("p-no-rate", "deduction", "propose", Proposal(Reverse, "(1, 2)")), true, true, null, null, Output: "(2, 1)"),
        new(Line("p-unformatted", "deduction", "propose", Proposal(Reverse, "'ab'", formatted: false), solveRate: 0.5), false, true, null, -1, Output: "'ba'", Reason: "format"),
        new(Line("p-no-answer", "deduction", "propose", " I will write it</think> ```python\ndef f(a):\n    return a\n```"), false, false, null, -1, Reason: "no <answer> block"),
        new(Line("p-no-code", "abduction", "propose", " x</think> <answer># Input: 1</answer>"), true, false, null, -1, Reason: "no code block"),
        // An input block alone is taken as the code block (the optional language tag), which then has no def.
        new(Line("p-input-only", "abduction", "propose", " x</think> <answer>```input\n1\n```</answer>"), true, false, null, -1, Reason: "defines no function"),
        new(Line("p-no-input", "abduction", "propose", " x</think> <answer>```python\ndef f(a):\n    return a\n```</answer>"), true, false, null, -1, Reason: "no ```input``` block"),
        new(Line("p-no-def", "deduction", "propose", Proposal("f = lambda a: a", "1")), true, false, null, -1, Reason: "defines no function"),
        new(Line("p-two-defs", "deduction", "propose", Proposal("def f(a):\n    def g(b):\n        return b\n    return g(a)", "1")), true, false, null, -1, Reason: "2 `def`s"),
        new(Line("p-raises", "deduction", "propose", Proposal("def f(a):\n    return [][a]", "3"), solveRate: 0.5), true, false, null, -1, Reason: "raised IndexError"),
        new(Line("p-custom-exception", "deduction", "propose", Proposal("def f(a):\n    raise StopIteration", "3")), true, false, null, -1, Reason: "raised StopIteration"),
        new(Line("p-banned", "abduction", "propose", Proposal("import time\ndef f(a):\n    return a", "3")), true, false, null, -1, Reason: "banned module 'time'"),
        new(Line("p-banned-dynamic", "abduction", "propose", Proposal("def f(a):\n    return __import__('subprocess')", "3")), true, false, null, -1, Reason: "refused by the sandbox"),
        new(Line("p-nondeterministic", "deduction", "propose", Proposal("def f(a):\n    return open('/dev/urandom', 'rb').read(4)", "3")), true, false, null, -1, Reason: "different results in two separate runs"),
        new(Line("p-long-output", "deduction", "propose", Proposal("def f(n):\n    return list(range(n))", "200")), true, false, null, -1, Reason: "over the limit of 400"),
        new(Line("p-syntax", "deduction", "propose", Proposal("def f(a):\nreturn a", "3")), true, false, null, -1, Reason: "does not parse"),
        new(Line("p-bad-input", "deduction", "propose", Proposal(Reverse, "'a', 'b'")), true, false, null, -1, Reason: "raised TypeError"),
        new(Line("p-timeout", "deduction", "propose", Proposal("def f(a):\n    while True:\n        a += 1", "0")), true, false, null, -1, Reason: "time limit"),
        new(Line("p-memory", "deduction", "propose", Proposal("def f(a):\n    return len(bytearray(a))", "10 ** 12")), true, false, null, -1, Reason: "memory"),

        // induction proposals
        new(Line("i-valid", "induction", "propose", InductionProposal(Ten), new JsonObject { ["program"] = Square }, 0.4), true, true, null, 0.6, Outputs: Squares),
        new(Line("i-too-few", "induction", "propose", InductionProposal(Ten.Take(9)), new JsonObject { ["program"] = Square }), true, false, null, -1, Reason: "9 ```input``` blocks; 10 are needed"),
        new(Line("i-bad-input", "induction", "propose", InductionProposal(Ten.Take(3).Append("'x'").Concat(Ten.Skip(4))), new JsonObject { ["program"] = Square }), true, false, null, -1, Reason: "input 4 of 10 (`'x'`) raised TypeError"),
        new(Line("i-no-message", "induction", "propose", InductionProposal(Ten, null), new JsonObject { ["program"] = Square }), true, false, null, -1, Reason: "no ```message``` block"),

        // solver answers
        new(Line("s-right", "deduction", "solve", Answer("output", "'cba'"), TripletTask(Reverse, "'abc'", "'cba'")), true, null, true, 1),
        new(Line("s-same-value", "deduction", "solve", Answer("output", "{2: 'b', 1: ('a',)}"), TripletTask("def f(a):\n    return a", "0", "{1: ('a',), 2: 'b'}")), true, null, true, 1),
        new(Line("s-wrong", "deduction", "solve", Answer("output", "'abc'"), TripletTask(Reverse, "'abc'", "'cba'")), true, null, false, -0.5, Reason: "does not equal the expected output"),
        new(Line("s-unformatted", "deduction", "solve", Answer("output", "'cba'", formatted: false), TripletTask(Reverse, "'abc'", "'cba'")), false, null, false, -1, Reason: "format"),
        new(Line("s-hostile-eq", "deduction", "solve", Answer("output", "type('X', (), {'__eq__': lambda s, o: True})()"), TripletTask(Reverse, "'abc'", "'cba'")), true, null, false, -0.5, Reason: "not plain Python data"),
        new(Line("s-hostile-escape", "deduction", "solve", Answer("output", "'cba'\n)\nprint(1\n"), TripletTask(Reverse, "'abc'", "'cba'")), true, null, false, -0.5),
        new(Line("s-abduction-right", "abduction", "solve", Answer("input", "[3, 2, 1]"), TripletTask(Reverse, "[1, 2, 3]", "[1, 2, 3]")), true, null, true, 1),
        new(Line("s-abduction-other-input", "abduction", "solve", Answer("input", "'a'"), TripletTask("def f(s):\n    return len(s)", "'z'", "1")), true, null, true, 1),
        new(Line("s-abduction-wrong", "abduction", "solve", Answer("input", "[1, 2, 3]"), TripletTask(Reverse, "[3, 2, 1]", "[1, 2, 3]")), true, null, false, -0.5, Reason: "returned `[3, 2, 1]`, expected `[1, 2, 3]`"),
        new(Line("s-abduction-hostile", "abduction", "solve", Answer("input", "type('X', (), {'__eq__': lambda s, o: True, '__getitem__': lambda s, k: s})()"), TripletTask(Reverse, "[3, 2, 1]", "[1, 2, 3]")), true, null, false, -0.5, Reason: "cannot be used"),
        new(Line("s-induction-right", "induction", "solve", Answer("python", "def f(x):\n    return x ** 2"), SquareTask()), true, null, true, 1),
        new(Line("s-induction-shown-only", "induction", "solve", Answer("python", "def f(x):\n    return [1, 4, 9, 16, 25][x - 1]"), SquareTask()), true, null, false, -0.5, Reason: "hidden pair 0: f(`6`) raised IndexError"),
        new(Line("s-induction-no-code", "induction", "solve", " It squares.</think> <answer>x squared</answer>", SquareTask()), true, null, false, -1, Reason: "no code block"),
        new(Line("s-induction-hostile", "induction", "solve", Answer("python", "class Y:\n    def __eq__(self, other):\n        return True\ndef f(x):\n    return Y()"), SquareTask()), true, null, false, -0.5),
    ];

    [Fact]
    public async Task Judges_every_kind_of_response_like_self_play()
    {
        var stdin = string.Concat(Cases.Select(c => c.Request.ToJsonString() + "\n"));
        var (exit, stdout, stderr) = await AzrBinary.RunAsync(stdin, "check-response", "--workers", "2", "--config", """{"sandbox": {"timeout_ms": 1500, "memory_mb": 256}}""");

        Assert.True(exit == 0, $"exit {exit}: {stderr}");
        Assert.Equal(Cases.Length, stdout.Length);
        for (var i = 0; i < Cases.Length; i++)
        {
            var expected = Cases[i];
            var line = JsonNode.Parse(stdout[i])!.AsObject();
            var id = expected.Request["id"]!.GetValue<string>();
            Assert.Equal(["id", "format_ok", "valid", "reason", "output", "outputs", "correct", "reward"], line.Select(p => p.Key));
            Assert.Equal(id, line["id"]!.GetValue<string>());
            Assert.True(expected.FormatOk == line["format_ok"]?.GetValue<bool>(), $"{id}: format_ok {line["format_ok"]}");
            Assert.True(expected.Valid == line["valid"]?.GetValue<bool>(), $"{id}: valid {line["valid"]} ({line["reason"]})");
            Assert.True(expected.Correct == line["correct"]?.GetValue<bool>(), $"{id}: correct {line["correct"]} ({line["reason"]})");
            Assert.True(expected.Reward == line["reward"]?.GetValue<double>(), $"{id}: reward {line["reward"]}");
            Assert.True(expected.Output == line["output"]?.GetValue<string>(), $"{id}: output {line["output"]}");
            Assert.Equal(expected.Outputs, line["outputs"]?.AsArray().Select(o => o!.GetValue<string>()).ToArray());
            if (expected.Reason is null && (expected.Valid ?? expected.Correct) == true && expected.FormatOk == true)
                Assert.True(line["reason"] is null, $"{id}: unexpected reason {line["reason"]}");
            if (expected.Reason is not null)
                Assert.True(line["reason"]?.GetValue<string>().Contains(expected.Reason) == true, $"{id}: reason {line["reason"]}");
            if ((expected.Valid ?? expected.Correct) == false)
                Assert.False(string.IsNullOrEmpty(line["reason"]?.GetValue<string>()), $"{id}: no reason given");
        }
    }

    [Fact]
    public async Task Bad_lines_are_answered_in_place_and_the_exit_code_says_so()
    {
        var good = Line("ok", "deduction", "solve", Answer("output", "'cba'"), TripletTask(Reverse, "'abc'", "'cba'")).ToJsonString();
        var stdin = string.Join("\n",
            good,
            """{"id": 7, "task_type": "translation", "role": "solve", "response": ""}""",
            "{not json",
            """{"id": [1], "task_type": "deduction", "role": "solve", "response": "x", "task": {"program": "def f(a):\n    return a", "input": "1"}}""",
            """{"id": "r", "task_type": "deduction", "role": "propose", "response": "x", "solve_rate": 2}""",
            good.Replace("\"ok\"", "\"ok2\"")) + "\n";
        var (exit, stdout, stderr) = await AzrBinary.RunAsync(stdin, "check-response", "--workers", "1");

        Assert.Equal(1, exit);
        Assert.Equal(6, stdout.Length);
        Assert.Equal("ok", JsonNode.Parse(stdout[0])!["id"]!.GetValue<string>());
        Assert.True(JsonNode.Parse(stdout[0])!["correct"]!.GetValue<bool>());
        Assert.Contains("line 2: 'task_type' must be deduction, abduction or induction", JsonNode.Parse(stdout[1])!["reason"]!.GetValue<string>());
        Assert.Equal(7, JsonNode.Parse(stdout[1])!["id"]!.GetValue<int>());
        Assert.Contains("line 3: the line is not valid JSON", JsonNode.Parse(stdout[2])!["reason"]!.GetValue<string>());
        Assert.Contains("line 4: 'task.output' must be a string", JsonNode.Parse(stdout[3])!["reason"]!.GetValue<string>());
        Assert.Equal("[1]", JsonNode.Parse(stdout[3])!["id"]!.ToJsonString());
        Assert.Contains("line 5: 'solve_rate' must be a number in [0, 1]", JsonNode.Parse(stdout[4])!["reason"]!.GetValue<string>());
        Assert.Equal("ok2", JsonNode.Parse(stdout[5])!["id"]!.GetValue<string>());
        Assert.Contains("line 2:", stderr);
        Assert.Contains("line 5:", stderr);
    }

    [Fact]
    public async Task A_preset_and_overrides_change_the_rules()
    {
        var twoDefs = Line("two-defs", "deduction", "propose", Proposal("def helper(b):\n    return b * 2\ndef main(a):\n    return helper(a)", "4"), solveRate: 0.0).ToJsonString();
        var (exit, stdout, stderr) = await AzrBinary.RunAsync(twoDefs + "\n", "check-response", "--workers", "1", "--preset", "llama3.1-8b",
            "--config", """{"rewards": {"proposer_extreme_reward": 0}}""");
        Assert.True(exit == 0, stderr);
        var line = JsonNode.Parse(stdout.Single())!;
        Assert.True(line["valid"]!.GetValue<bool>());
        Assert.Equal("8", line["output"]!.GetValue<string>());
        Assert.Equal(0.0, line["reward"]!.GetValue<double>());

        var (badExit, _, badErr) = await AzrBinary.RunAsync("", "check-response", "--config", """{"self_play": {"max_output_chars": -1}}""");
        Assert.Equal(2, badExit);
        Assert.Contains("self_play.max_output_chars", badErr);
    }
}
