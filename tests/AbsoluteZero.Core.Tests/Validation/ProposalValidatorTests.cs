using AbsoluteZero.Core.Buffers;
using AbsoluteZero.Core.Configuration;
using AbsoluteZero.Core.Tasks;
using AbsoluteZero.Core.Validation;

namespace AbsoluteZero.Core.Tests.Validation;

[Collection(SandboxCollection.Name)]
public class ProposalValidatorTests(SandboxFixture sandbox)
{
    private ProposalValidator Validator(SelfPlaySettings? settings = null, int timeoutMs = SandboxFixture.TimeoutMs) =>
        new(sandbox.Pool, settings ?? new SelfPlaySettings(), timeoutMs);

    private static string Response(string program, string input, bool formatted = true) =>
        (formatted ? " I plan.</think>\n<answer>" : " no closing think <answer>") + $"```python\n{program}\n```\n```input\n{input}\n```</answer>";

    private async Task<ProposalVerdict> One(string program, string input, SelfPlaySettings? settings = null, int timeoutMs = SandboxFixture.TimeoutMs) =>
        (await Validator(settings, timeoutMs).TripletsAsync([Response(program, input)]))[0];

    [Fact]
    public async Task A_valid_proposal_becomes_a_triplet_with_its_repr_and_imports()
    {
        var v = await One("import math\ndef area(r):\n    from functools import reduce\n    return [round(math.pi * r * r, 2), reduce(lambda a, b: a + b, [r, r])]", "2");
        Assert.True(v.Valid);
        Assert.True(v.FormatOk);
        Assert.Null(v.Reason);
        Assert.Equal(" I plan.", v.Thought);
        var t = v.Triplet!;
        Assert.StartsWith("import math\ndef f(r):", t.Program);
        Assert.Equal("2", t.Input);
        Assert.Equal("[12.57, 4]", t.Output);
        Assert.Equal(["import math", "from functools import reduce"], t.Imports);
    }

    [Fact]
    public async Task A_valid_but_unformatted_proposal_is_kept_and_says_why_it_is_penalised()
    {
        var v = (await Validator().TripletsAsync([Response("def f(a):\n    return a * 2", "'ab'", formatted: false)]))[0];
        Assert.True(v.Valid);
        Assert.False(v.FormatOk);
        Assert.Equal("'abab'", v.Triplet!.Output);
        Assert.Contains("format", v.Reason);
    }

    [Theory]
    [InlineData("def f(a):\n    return 1 / a", "0", "raised ZeroDivisionError: division by zero")]
    [InlineData("import random\ndef f(a):\n    return random.random()", "0", "banned module 'random'")]
    [InlineData("import os\ndef f(a):\n    return os.getcwd()", "0", "banned module 'os'")]
    [InlineData("def f(a):\n    return open('/dev/urandom', 'rb').read(8)", "0", "gave different results in two separate runs")]
    [InlineData("def f(a)\n    return a", "0", "does not parse")]
    [InlineData("def f(a):\n    return a", "1, 2", "raised TypeError")]
    [InlineData("def f(a):\n    return 'x' * a", "401", "produced an output repr of 403 characters, over the limit of 400")]
    public async Task Invalid_proposals_say_why(string program, string input, string reason)
    {
        var v = await One(program, input);
        Assert.False(v.Valid);
        Assert.Null(v.Triplet);
        Assert.Contains(reason, v.Reason);
    }

    [Fact]
    public async Task Fixed_quirk_any_exception_is_invalid_even_without_error_in_its_name()
    {
        // The reference treated a traceback line without "error" (StopIteration, custom exceptions) as success with output ''.
        var stop = await One("def f(a):\n    raise StopIteration", "1");
        var custom = await One("class Boom(Exception):\n    pass\ndef f(a):\n    raise Boom('x')", "1", new SelfPlaySettings { RejectMultipleFunctions = false });
        Assert.Contains("raised StopIteration", stop.Reason);
        Assert.False(custom.Valid);
        Assert.Contains("Boom", custom.Reason);
    }

    [Fact]
    public async Task Fixed_quirk_long_outputs_are_rejected_not_truncated_and_the_limit_is_configurable()
    {
        Assert.Equal(new string('x', 398), (await One("def f(a):\n    return 'x' * a", "398")).Triplet!.Output.Trim('\''));
        var v = await One("def f(a):\n    return 'x' * a", "100", new SelfPlaySettings { MaxOutputChars = 50 });
        Assert.Contains("102 characters, over the limit of 50", v.Reason);
    }

    [Fact]
    public async Task Fixed_quirk_only_the_builtin_input_call_is_refused()
    {
        // The reference's regex refused any "input(" text, e.g. a helper named parse_input.
        var ok = await One("def f(s):\n    parse_input = lambda t: t.split(',')\n    return parse_input(s)", "'a,b'");
        Assert.Equal("['a', 'b']", ok.Triplet!.Output);
        var refused = await One("def f(s):\n    return input(s)", "'a'");
        Assert.Contains("input()", refused.Reason);
    }

    [Fact]
    public async Task A_program_running_too_long_is_invalid()
    {
        var v = await One("def f(a):\n    while True:\n        a += 1", "0", timeoutMs: 500);
        Assert.Contains("time limit", v.Reason);
    }

    [Fact]
    public async Task Parse_failures_and_missing_answers_are_reported_without_running_anything()
    {
        var results = await Validator().TripletsAsync([" x</think> no answer here", " x</think><answer>```python\nx = 1\n```\n```input\n1\n```</answer>"]);
        Assert.Equal("the response has no <answer> block", results[0].Reason);
        Assert.Contains("defines no function", results[1].Reason);
    }

    [Fact]
    public async Task Seeding_strips_comments_docstrings_and_top_level_statements()
    {
        const string program = "import math\nSCALE = 3  # a global\ndef f(a):\n    \"\"\"Doc.\"\"\"\n    # comment\n    return math.floor(a) * 2\nprint(f(2))";
        var seeded = (await Validator().TripletsFromTextAsync([$"```python\n{program}\n```\n```input\n2.5\n```"], seeding: true))[0];
        Assert.Equal("import math\ndef f(a):\n    return math.floor(a) * 2", seeded.Task!.Program);
        Assert.Equal("4", seeded.Task.Output);
        Assert.Equal(["import math"], seeded.Task.Imports);
    }

    private static string InductionAnswer(IEnumerable<string> inputs, string message = "doubles") =>
        " plan</think><answer>" + string.Concat(inputs.Select(i => $"```input\n{i}\n```\n")) + $"```message\n{message}\n```</answer>";

    [Fact]
    public async Task An_induction_proposal_needs_all_ten_inputs_valid_on_the_given_program()
    {
        var source = new Triplet("import math\ndef f(x):\n    return math.floor(x) * 2", "1.5", "2") { Imports = ["import math"] };
        var good = Enumerable.Range(0, 10).Select(i => $"{i}.5").ToList();
        var verdicts = await Validator().InductionsAsync(
        [
            (InductionAnswer(good), source),
            (InductionAnswer(good.Take(5).Append("'s'").Concat(good.Skip(6))), source),
            (InductionAnswer(good.Take(9)), source),
        ]);

        var task = verdicts[0].InductionTask!;
        Assert.Equal(source.Program, task.Program);
        Assert.Equal(["import math"], task.Imports);
        Assert.Equal(good, task.Inputs);
        Assert.Equal(Enumerable.Range(0, 10).Select(i => (2 * i).ToString()), task.Outputs);
        Assert.Equal("doubles", task.Message);
        Assert.Equal(5, task.ShownCount);

        Assert.False(verdicts[1].Valid);
        Assert.Contains("input 6 of 10 (`'s'`) raised TypeError", verdicts[1].Reason);
        Assert.Contains("9 ```input``` blocks; 10 are needed", verdicts[2].Reason);
    }

    [Fact]
    public async Task The_zero_seed_is_a_valid_task()
    {
        var seeded = (await Validator().TripletsFromTextAsync([$"```python\n{SeedTasks.IdentityProgram}\n```\n```input\n\"Hello world\"\n```"], seeding: false))[0];
        Assert.Equal("'Hello world'", seeded.Task!.Output);
    }
}
