using AbsoluteZero.Core.Configuration;
using AbsoluteZero.Evaluation.Benchmarks.CodeSets;
using AbsoluteZero.Evaluation.Scoring;

namespace AbsoluteZero.Evaluation.Tests.Code;

/// <summary>Broken and borderline HumanEval+/MBPP+ solutions through the real sandbox: the verdict and the failing input.</summary>
[Collection(CodeScoringCollection.Name)]
public sealed class EvalPlusScoringTests(CodeScoringFixture fixture)
{
    private const string HumanEvalPlus = BenchmarkNames.HumanEvalPlus;
    private const string MbppPlus = BenchmarkNames.MbppPlus;

    [Fact]
    public async Task A_wrong_answer_fails_base_at_the_first_input_whose_expected_output_differs()
    {
        var (benchmark, _) = await fixture.EvalPlusAsync(HumanEvalPlus);
        var task = CodeScoringFixture.Task(benchmark, "HumanEval/0");

        var verdict = await ScoreAsync(HumanEvalPlus, task.TaskId, task.Prompt + "    return False\n");

        Assert.Equal((false, false, false), (verdict.Passed, verdict.BasePassed, verdict.PlusPassed));
        // The first base input, [[1.0, 2.0, 3.9, 4.0, 5.0, 2.2], 0.3], has close elements: expected True.
        Assert.Equal(new CodeFailure("base", task.BaseInputs[0].Json, "expected True, got False", false), verdict.Failure);
    }

    [Fact]
    public async Task A_solution_right_on_base_but_wrong_on_a_plus_input_passes_base_only_and_names_that_input()
    {
        var (benchmark, _) = await fixture.EvalPlusAsync(HumanEvalPlus);
        var task = CodeScoringFixture.Task(benchmark, "HumanEval/0");
        static bool Long(TestInput input) => PyJson.Parse(input.Json).Items[0].Items.Count > 6;
        Assert.DoesNotContain(task.BaseInputs, Long);
        var first = task.PlusInputs.First(Long);

        var verdict = await ScoreAsync(HumanEvalPlus, task.TaskId,
            task.CanonicalProgram + "\n_real = has_close_elements\n"
            + "def has_close_elements(numbers, threshold):\n    if len(numbers) > 6:\n        raise ValueError('sabotaged')\n    return _real(numbers, threshold)\n");

        Assert.Equal((false, true, false), (verdict.Passed, verdict.BasePassed, verdict.PlusPassed));
        Assert.Equal("plus", verdict.Failure!.Split);
        Assert.Equal(first.Json, verdict.Failure.Input);
        Assert.StartsWith("ValueError: sabotaged", verdict.Failure.Difference);
    }

    [Fact]
    public async Task An_endless_loop_fails_on_the_first_input_with_a_timeout()
    {
        var (benchmark, _) = await fixture.EvalPlusAsync(MbppPlus);
        var task = CodeScoringFixture.Task(benchmark, "Mbpp/17");

        var verdict = await ScoreAsync(MbppPlus, task.TaskId, "def square_perimeter(a):\n    while True:\n        pass\n",
            fixture.Options with { MinTimeLimitSeconds = 1 });

        Assert.False(verdict.BasePassed);
        Assert.Equal(new CodeFailure("base", "[10]", "time limit of 1 s exceeded (expected 40)", true), verdict.Failure);
    }

    [Fact]
    public async Task A_program_that_ignores_the_alarm_is_stopped_by_the_request_deadline()
    {
        var verdict = await ScoreAsync(MbppPlus, "Mbpp/17",
            "import signal\ndef square_perimeter(a):\n    signal.signal(signal.SIGALRM, signal.SIG_IGN)\n    while True:\n        pass\n",
            fixture.Options with { MinTimeLimitSeconds = 1, SliceBudgetSeconds = 1 });

        Assert.False(verdict.BasePassed);
        Assert.True(verdict.Failure!.TimedOut);
        Assert.Null(verdict.Failure.Input);
        Assert.StartsWith("timeout on one of inputs 0..", verdict.Failure.Difference);
    }

    [Theory]
    [InlineData("1e-9", true)] // within atol (1e-6) of every expected float
    [InlineData("1e-3", false)]
    public async Task Floats_are_compared_within_the_tasks_atol(string offset, bool passes)
    {
        var (benchmark, _) = await fixture.EvalPlusAsync(HumanEvalPlus);
        var task = CodeScoringFixture.Task(benchmark, "HumanEval/4");

        var verdict = await ScoreAsync(HumanEvalPlus, task.TaskId,
            task.CanonicalProgram + $"\n_real = mean_absolute_deviation\ndef mean_absolute_deviation(numbers):\n    return _real(numbers) + {offset}\n");

        Assert.Equal(passes, verdict.Passed);
        if (!passes)
            Assert.Equal(task.BaseInputs[0].Json, verdict.Failure!.Input);
    }

    [Theory]
    [InlineData("5e-05", true)] // MBPP+'s float tasks carry atol 1e-4
    [InlineData("5e-04", false)]
    public async Task Mbpp_float_tasks_use_their_own_atol(string offset, bool passes)
    {
        var (benchmark, _) = await fixture.EvalPlusAsync(MbppPlus);
        var task = CodeScoringFixture.Task(benchmark, "Mbpp/82");
        Assert.Equal("0.0001", task.Atol);

        var verdict = await ScoreAsync(MbppPlus, task.TaskId,
            task.CanonicalProgram + $"\n_real = volume_sphere\ndef volume_sphere(r):\n    return _real(r) + {offset}\n");

        Assert.Equal(passes, verdict.Passed);
    }

    [Theory]
    // (x - 1)(x - 2)(x - 3): the canonical Newton iteration from 0 finds 1; find_zero's oracle accepts any root.
    [InlineData("3.0", true)]
    [InlineData("2.0000000001", true)]
    [InlineData("2.5", false)]
    public async Task Find_zero_accepts_any_root_and_nothing_else(string returned, bool passes)
    {
        var (benchmark, _) = await fixture.EvalPlusAsync(HumanEvalPlus);
        var task = CodeScoringFixture.Task(benchmark, "HumanEval/32") with { BaseInputs = [new("[[-6, 11, -6, 1]]", "[[-6, 11, -6, 1]]")], PlusInputs = [] };

        var verdict = await ScoreSyntheticAsync(benchmark, task, task.Prompt + $"    return {returned}\n");

        Assert.Equal(passes, verdict.Passed);
    }

    [Theory]
    // Input 0's expected output is a float, so EvalPlus compares every later input within 1e-6 (its atol variable
    // carries through the loop): [1000, 2.0000001] then matches [1000, 2], also in a later slice (1000 inputs each).
    [InlineData("0.5", "2.0000001", true)]
    [InlineData("0.5", "2.1", false)]
    [InlineData("[0, 2]", "2.0000001", false)]
    public async Task The_float_tolerance_carries_on_from_the_first_float_output_across_slices(string first, string last, bool passes)
    {
        var (benchmark, _) = await fixture.EvalPlusAsync(MbppPlus);
        var inputs = Enumerable.Range(0, 1001).Select(i => new TestInput($"[{i}]", $"[{i}]")).ToList();
        var task = CodeScoringFixture.Task(benchmark, "Mbpp/17") with
        {
            EntryPoint = "g",
            Prompt = "",
            CanonicalSolution = $"def g(x):\n    return {first} if x == 0 else [x, 2]\n",
            BaseInputs = inputs,
            PlusInputs = [],
        };
        Assert.Equal(2, SlicePlanner.ForScoring(inputs, Enumerable.Repeat(new ReferenceCase(0, 0, "", false), inputs.Count).ToList()).Count);

        var verdict = await ScoreSyntheticAsync(benchmark, task, $"def g(x):\n    return {first} if x == 0 else [x, {last} if x == 1000 else 2]\n");

        Assert.Equal(passes, verdict.Passed);
    }

    [Fact]
    public async Task Find_zero_on_the_real_inputs_fails_a_point_that_is_no_root()
    {
        var (benchmark, _) = await fixture.EvalPlusAsync(HumanEvalPlus);
        var task = CodeScoringFixture.Task(benchmark, "HumanEval/32");

        var verdict = await ScoreAsync(HumanEvalPlus, task.TaskId, task.CanonicalProgram + "\n_real = find_zero\ndef find_zero(xs):\n    return _real(xs) + 1.0\n");

        Assert.Equal(("base", task.BaseInputs[0].Json), (verdict.Failure!.Split, verdict.Failure.Input));
    }

    [Theory]
    // Mbpp/2 compares as sets: order does not matter, an extra element does.
    [InlineData("Mbpp/2", "def similar_elements(a, b):\n    return tuple(sorted(set(a) & set(b), reverse=True))\n", true)]
    [InlineData("Mbpp/2", "def similar_elements(a, b):\n    return tuple(set(a) & set(b)) + (-1,)\n", false)]
    // Mbpp/737 returns a regex match: only None or not counts, so a bool is fine and None everywhere is not.
    [InlineData("Mbpp/737", "import re\ndef check_str(string):\n    return bool(re.search('^[aeiouAEIOU][A-Za-z0-9_]*', string))\n", true)]
    [InlineData("Mbpp/737", "def check_str(string):\n    return None\n", false)]
    public async Task Mbpp_special_oracles_compare_sets_and_none_ness(string taskId, string program, bool passes)
    {
        var verdict = await ScoreAsync(MbppPlus, taskId, program);

        Assert.Equal(passes, verdict.Passed);
        if (taskId == "Mbpp/737" && !passes)
            Assert.Equal(("base", "[\"annie\"]"), (verdict.Failure!.Split, verdict.Failure.Input));
    }

    [Theory]
    [InlineData("def something_else(a):\n    return 4 * a\n", "the program does not load: KeyError: 'square_perimeter'")]
    [InlineData("def square_perimeter(a):\n    return 4 *\n", "the program does not load: SyntaxError: invalid syntax (<solution>, line 2)")]
    [InlineData("def square_perimeter(a):\n    return 4 * int(input())\n", "OSError: stdin is not readable here (expected 40)")]
    [InlineData("def square_perimeter(a):\n    exit(0)\n", "TypeError: 'NoneType' object is not callable (expected 40)")]
    public async Task Programs_that_do_not_load_or_misbehave_fail_with_the_reason(string program, string difference)
    {
        var verdict = await ScoreAsync(MbppPlus, "Mbpp/17", program);

        Assert.False(verdict.Passed);
        Assert.Equal(difference, verdict.Failure!.Difference);
    }

    [Fact]
    public async Task A_program_that_kills_its_own_process_fails_without_harming_the_next()
    {
        var (benchmark, truth) = await fixture.EvalPlusTasksAsync(MbppPlus, "Mbpp/17");
        var task = benchmark.Tasks[0];
        var samples = new[]
        {
            new CodeSample(task.TaskId, "import os\ndef square_perimeter(a):\n    os._exit(0)\n"),
            new CodeSample(task.TaskId, task.CanonicalProgram),
        };

        var verdicts = await new EvalPlusScorer(fixture.Pool, fixture.Options).ScoreAsync(benchmark, truth, samples);

        Assert.False(verdicts[0].Passed);
        Assert.StartsWith("error on one of inputs 0..", verdicts[0].Failure!.Difference);
        Assert.True(verdicts[1].Passed);
    }

    /// <summary>Scores one sample on a task made for the test (its ground truth computed on the spot, not cached).</summary>
    private async Task<CodeVerdict> ScoreSyntheticAsync(EvalPlusBenchmark benchmark, EvalPlusTask task, string program)
    {
        var synthetic = benchmark with { DataSha256 = new string('0', 64), Tasks = [task] };
        var truth = await GroundTruthBuilder.BuildAsync(synthetic, fixture.Pool, fixture.Options);
        return Assert.Single(await new EvalPlusScorer(fixture.Pool, fixture.Options).ScoreAsync(synthetic, truth, [new CodeSample(task.TaskId, program)]));
    }

    private async Task<CodeVerdict> ScoreAsync(string name, string taskId, string program, CodeScoringOptions? options = null)
    {
        var (benchmark, truth) = await fixture.EvalPlusTasksAsync(name, taskId);
        var verdicts = await new EvalPlusScorer(fixture.Pool, options ?? fixture.Options).ScoreAsync(benchmark, truth, [new CodeSample(taskId, program)]);
        return Assert.Single(verdicts);
    }
}
