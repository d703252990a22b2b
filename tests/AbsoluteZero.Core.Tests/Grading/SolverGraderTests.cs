using AbsoluteZero.Core.Configuration;
using AbsoluteZero.Core.Grading;
using AbsoluteZero.Core.Tasks;

namespace AbsoluteZero.Core.Tests.Grading;

[Collection(SandboxCollection.Name)]
public class SolverGraderTests(SandboxFixture sandbox)
{
    private SolverJudge Judge => new(sandbox.Pool, SandboxFixture.TimeoutMs);

    private SolverGrader Grader => new(Judge, new RewardSettings());

    private static readonly Triplet Doubling = new("def f(n):\n    return n * 2", "21", "42");

    [Fact]
    public async Task Right_wrong_and_unformatted_solver_responses_get_the_reference_rewards()
    {
        var right = await Grader.DeductionAsync(Doubling, " 21*2</think> <answer>```output\n42\n```</answer>");
        var wrong = await Grader.DeductionAsync(Doubling, " hmm</think> <answer>```output\n41\n```</answer>");
        var unformatted = await Grader.DeductionAsync(Doubling, " no close tag <answer>```output\n42\n```</answer>");
        Assert.Equal((true, true, true, 1.0), (right.FormatOk, right.Parsed, right.Correct, right.Reward));
        Assert.Equal((true, false, -0.5), (wrong.FormatOk, wrong.Correct, wrong.Reward));
        Assert.Contains("`41` does not equal the expected output `42`", wrong.Reason);
        // The reference does not grade an unformatted response: it is wrong whatever it says, and gets −1.
        Assert.Equal((false, false, -1.0), (unformatted.FormatOk, unformatted.Correct, unformatted.Reward));
        Assert.Contains("format", unformatted.Reason);
    }

    [Fact]
    public async Task Abduction_reads_the_last_input_block()
    {
        var v = await Grader.AbductionAsync(Doubling, " try 20 then 21</think> <answer>```input\n20\n```\nno wait\n```input\n21\n```</answer>");
        Assert.True(v.Correct);
    }

    [Fact]
    public async Task An_induction_answer_without_code_is_a_format_failure_as_in_the_reference()
    {
        var task = new InductionTask("def f(a):\n    return a * 2", ["1", "2", "3", "4"], ["2", "4", "6", "8"], "double");
        var noCode = await Grader.InductionAsync(task, " think</think> <answer>f doubles its input</answer>");
        Assert.Equal((true, false, false, -1.0), (noCode.FormatOk, noCode.Parsed, noCode.Correct, noCode.Reward));
        var right = await Grader.InductionAsync(task, " think</think> <answer>```python\ndef f(a):\n    return 2 * a\n```</answer>");
        Assert.Equal(1.0, right.Reward);
    }

    [Fact]
    public async Task The_solve_rate_is_the_mean_over_samples_without_the_format_requirement()
    {
        var estimator = new SolveRateEstimator(Judge);
        var samples = new[]
        {
            "<answer>```output\n42\n```</answer>",         // no think tags: still counts
            " x</think><answer>```output\n42\n```</answer>",
            " x</think><answer>```output\n40\n```</answer>",
            " no answer tag at all",
            " x</think><answer>42</answer>",                 // the whole answer is the fallback output
            " x</think><answer>```output\n42.0\n```</answer>",
            " x</think><answer>```output\n{42}\n```</answer>",
            " x</think><answer>```output\n84 / 2\n```</answer>",
        };
        var deduction = await estimator.DeductionAsync(Doubling, samples);
        Assert.Equal(5 / 8.0, deduction.SolveRate);
        Assert.Equal([true, true, false, false, true, true, false, true], deduction.Answers.Select(a => a.Correct));
        Assert.Equal("40", deduction.Answers[2].Answer);
        Assert.NotNull(deduction.Answers[2].Reason);

        var induction = new InductionTask("def f(a):\n    return a * 2", ["1", "2", "3", "4"], ["2", "4", "6", "8"], "double");
        Assert.Equal(0.5, (await estimator.InductionAsync(induction, ["<answer>```python\ndef f(a):\n    return a + a\n```</answer>", "<answer>no code</answer>"])).SolveRate);
        Assert.Equal(1.0, (await estimator.AbductionAsync(Doubling, ["<answer>```input\n21\n```</answer>", "<answer>21.0</answer>"])).SolveRate);
    }

    [Fact]
    public async Task A_learnability_sample_is_read_up_to_a_new_assistant_turn_as_trained_responses_are()
    {
        // The answer after the model's own second "Assistant:" turn is not the sample's answer (the grader agrees).
        const string sample = " x</think><answer>```output\n40\n```</answer>\nUser: again\nAssistant: <think>y</think><answer>```output\n42\n```</answer>";
        var estimate = await new SolveRateEstimator(Judge).DeductionAsync(Doubling, [sample]);
        Assert.Equal(0.0, estimate.SolveRate);
        Assert.Equal("40", estimate.Answers[0].Answer);
        Assert.False((await Grader.DeductionAsync(Doubling, sample)).Correct);
    }
}
