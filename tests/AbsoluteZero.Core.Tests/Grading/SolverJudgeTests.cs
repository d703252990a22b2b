using AbsoluteZero.Core.Buffers;
using AbsoluteZero.Core.Grading;
using AbsoluteZero.Core.Tasks;

namespace AbsoluteZero.Core.Tests.Grading;

[Collection(SandboxCollection.Name)]
public class SolverJudgeTests(SandboxFixture sandbox)
{
    private SolverJudge Judge => new(sandbox.Pool, SandboxFixture.TimeoutMs);

    private const string AlwaysEqual = "type('X', (), {'__eq__': lambda s, o: True, '__hash__': lambda s: 0})()";

    private static readonly Triplet Sorting = new("def f(xs):\n    return sorted(set(xs))", "[3, 1, 3]", "[1, 3]");

    [Fact]
    public async Task Deduction_compares_python_values()
    {
        var task = new Triplet("def f(a):\n    return a", "0", "{'b': 2, 'a': (1.0, {3, 4})}");
        var verdicts = await Judge.DeductionAsync(task,
        [
            "{'a': (1, {4, 3}), 'b': 2}",      // dict order, int vs float, set order: equal values
            "{'a': (1, {4, 3}), 'b': 2.5}",
            "{'a': [1, {4, 3}], 'b': 2}",      // list is not tuple
            "{'a': (1, {4, 3}), 'b': 2}",      // duplicate answers are judged once, reported for each
        ]);
        Assert.Equal([true, false, false, true], verdicts.Select(v => v.Correct));
        Assert.Contains("does not equal the expected output", verdicts[1].Reason);
        Assert.Null(verdicts[0].Reason);
    }

    [Fact]
    public async Task Deduction_accepts_expressions_that_evaluate_to_the_value_like_the_reference_eval()
    {
        var verdicts = await Judge.DeductionAsync(new Triplet("def f(n):\n    return [0] * n", "3", "[0, 0, 0]"), ["[0] * 3", "[0]*4", "(0, 0, 0)", "", "  "]);
        Assert.Equal([true, false, false, false, false], verdicts.Select(v => v.Correct));
        Assert.Contains("it is empty", verdicts[3].Reason);
    }

    [Fact]
    public async Task Deduction_is_not_fooled_by_hostile_answers()
    {
        var task = new Triplet("def f(a):\n    return a", "5", "5");
        var verdicts = await Judge.DeductionAsync(task,
        [
            AlwaysEqual,
            "type('I', (int,), {'__eq__': lambda s, o: True})(7)",  // a subclass of int that lies
            "5), (6",                                              // tries to leave its argument position
            "5\n)\nf((5",
            "__import__('os').system('true') or 5",
            "open('/etc/passwd').read()",
            "[x for x in iter(int, 1)]",                           // never finishes
            "5 # trailing comment",
        ]);
        Assert.Equal([false, false, false, false, false, false, false, true], verdicts.Select(v => v.Correct));
        Assert.Contains("not plain Python data", verdicts[0].Reason);
        Assert.Contains("not plain Python data", verdicts[1].Reason);
        Assert.Contains("raised TypeError", verdicts[2].Reason);  // a second argument to the one-argument harness
        Assert.Contains("does not parse", verdicts[3].Reason);
        Assert.Contains("refused by the sandbox", verdicts[4].Reason);
    }

    [Fact]
    public async Task Fixed_quirk_string_outputs_are_not_evaluated_twice()
    {
        // The reference's fallback evaluated both sides again, so the answer '2' matched a gold output '1+1'.
        var verdicts = await Judge.DeductionAsync(new Triplet("def f(a):\n    return a", "'1+1'", "'1+1'"), ["'2'", "'1+1'", "\"1+1\""]);
        Assert.Equal([false, true, true], verdicts.Select(v => v.Correct));
    }

    [Fact]
    public async Task A_gold_output_that_is_not_plain_data_is_unsolvable_as_in_the_reference()
    {
        var verdicts = await Judge.DeductionAsync(new Triplet("def f(a):\n    return float('inf')", "0", "inf"), ["inf", "float('inf')"]);
        Assert.All(verdicts, v => Assert.False(v.Correct));
        Assert.Contains("nothing can equal it", verdicts[0].Reason);
    }

    [Fact]
    public async Task Zero_seed_gold_is_read_as_an_expression()
    {
        var d = await Judge.DeductionAsync(SeedTasks.ZeroTriplet, ["'Hello world'", "\"Hello world\"", "'hello world'"]);
        Assert.Equal([true, true, false], d.Select(v => v.Correct));
        var a = await Judge.AbductionAsync(SeedTasks.ZeroTriplet, ["'Hello world'", "'Hello' + ' world'", "'x'"]);
        Assert.Equal([true, true, false], a.Select(v => v.Correct));
    }

    [Fact]
    public async Task Abduction_accepts_any_input_that_reproduces_the_output()
    {
        var verdicts = await Judge.AbductionAsync(Sorting,
        [
            "[3, 1, 3]",
            "[1, 3, 1, 1]",          // a different input with the same output
            "xs=[3, 1]",             // keyword argument
            "[\n  1,\n  3\n]",       // multi-line: fixed quirk (the reference evaluated only the last line)
            "*[[3, 1]]",             // unpacked argument list
            "[2]",
            "'13'",
        ]);
        Assert.Equal([true, true, true, true, true, false, false], verdicts.Select(v => v.Correct));
        Assert.Contains("f(`[2]`) returned `[2]`, expected `[1, 3]`", verdicts[5].Reason);
        Assert.Contains("returned `['1', '3']`", verdicts[6].Reason);
    }

    [Fact]
    public async Task Abduction_is_not_fooled_by_hostile_inputs()
    {
        // f returns what it is given (after a no-op), so an object that lies about itself would reach the comparison.
        var identity = new Triplet("def f(x):\n    return x", "1", "1");
        var verdicts = await Judge.AbductionAsync(identity,
        [
            AlwaysEqual,
            "type('R', (), {'__repr__': lambda s: '1'})()",
            "1), (2",
            "(lambda: 1)()",
            "1",
        ]);
        Assert.Equal([false, false, false, true, true], verdicts.Select(v => v.Correct));
        Assert.Contains("is not plain Python data", verdicts[0].Reason);
        Assert.Contains("is not plain Python data", verdicts[1].Reason);

        var raising = await Judge.AbductionAsync(Sorting, ["None"]);
        Assert.Contains("f(`None`) raised TypeError", raising[0].Reason);
    }

    [Fact]
    public async Task Abduction_runs_the_program_with_its_imports()
    {
        var task = new Triplet("def f(x):\n    return math.floor(x)", "2.5", "2") { Imports = ["import math"] };
        var verdicts = await Judge.AbductionAsync(task, ["2.9", "3.1"]);
        Assert.Equal([true, false], verdicts.Select(v => v.Correct));
    }

    private static readonly InductionTask Tripling = new("import math\ndef f(a):\n    return a * 3",
        ["1", "2", "3", "4", "5", "6", "7", "8", "9", "10"], ["3", "6", "9", "12", "15", "18", "21", "24", "27", "30"], "triple it")
    {
        Imports = ["import math"],
    };

    [Fact]
    public async Task Induction_needs_every_hidden_pair()
    {
        var verdicts = await Judge.InductionAsync(Tripling,
        [
            "def f(a):\n    return a * 3",
            "def f(a):\n    return a + a + a",
            "def f(a):\n    return {1: 3, 2: 6, 3: 9, 4: 12, 5: 15}[a]",    // fits the shown pairs only
            "def f(a):\n    return math.prod([a, 3])",                       // uses the task's import without importing it
            "def g(a):\n    return a * 3",
            null,
        ]);
        Assert.Equal([true, true, false, true, false, false], verdicts.Select(v => v.Correct));
        Assert.Contains("hidden pair 0: f(`6`) raised KeyError", verdicts[2].Reason);
        Assert.Contains("raised NameError", verdicts[4].Reason);
        Assert.Equal("the answer has no code block", verdicts[5].Reason);
    }

    [Fact]
    public async Task Induction_is_not_fooled_by_hostile_programs()
    {
        var verdicts = await Judge.InductionAsync(Tripling,
        [
            "class X:\n    def __eq__(self, other):\n        return True\ndef f(a):\n    return X()",
            "def f(a):\n    import os\n    return a * 3",
            "def f(a):\n    return float(a * 3)",
        ]);
        Assert.Equal([false, false, true], verdicts.Select(v => v.Correct));
        Assert.Contains("banned module 'os'", verdicts[1].Reason);
    }

    [Fact]
    public async Task The_zero_induction_seed_grades_on_its_three_hidden_pairs()
    {
        var verdicts = await Judge.InductionAsync(SeedTasks.ZeroInduction, ["def f(a):\n    return a", "def f(a):\n    return str(a)"]);
        Assert.True(verdicts[0].Correct);
        Assert.False(verdicts[1].Correct);
        Assert.Contains("hidden pair 0: f(`(1.1, 1.2, 1.3)`) returned", verdicts[1].Reason);
    }
}
