using System.Text.Json;
using AbsoluteZero.Core.Buffers;
using AbsoluteZero.Core.Json;
using AbsoluteZero.Core.Parsing;
using AbsoluteZero.Core.SelfPlay;
using AbsoluteZero.Core.Tasks;

namespace AbsoluteZero.Training.Tests;

/// <summary>
/// The real step (<see cref="SelfPlayStep"/>) with the real sandbox, driven by a <see cref="ScriptedPolicy"/> whose
/// responses reach every path: valid, invalid and unformatted proposals of each type, right, wrong and unformatted
/// solver answers, learnability samples, buffer growth and the solver's preference for new tasks.
/// </summary>
[Collection(SandboxCollection.Name)]
public class SelfPlayStepTests(SandboxFixture sandbox)
{
    /// <summary>Two responses per batch, chosen so every batch's rewards are known by hand (see the test below).</summary>
    private static string HandMade(ScriptedPrompt p) => p.Kind switch
    {
        PromptKind.ProposeAbduction => p.Index == 0 ? Responses.Triplet("def f(x):\n    return x * 2", "3") : " I give up",
        PromptKind.ProposeDeduction => p.Index == 0
            ? Responses.Triplet("def f(s):\n    return s[::-1]", "'abc'")
            : " thinking <answer>```python\ndef f(n):\n    return n + 1\n```\n```input\n1\n```</answer>",
        PromptKind.ProposeInduction => p.Index == 0
            ? Responses.Inputs("returns its input", "1", "2", "'x'", "[1]")
            : Responses.Inputs("too few", "1", "2"),
        PromptKind.SolveAbduction => p.Program!.Contains("x * 2", StringComparison.Ordinal)
            ? Responses.Input(p.Index == 0 ? "3" : "4")
            : Responses.Input(p.Index == 0 ? "\"Hello world\"" : "'bye'"),
        PromptKind.SolveDeduction => p.Program!.Contains("[::-1]", StringComparison.Ordinal) ? Responses.Output("'cba'")
            : p.Program.Contains("n + 1", StringComparison.Ordinal) ? Responses.Output("5")
            : p.Index == 0 ? Responses.Output("'Hello world'") : " no tags at all",
        PromptKind.SolveInduction => p.Index == 0 ? Responses.Program("def f(a):\n    return a")
            : p.Text.Contains("Hello world", StringComparison.Ordinal) ? Responses.Formatted("it returns its input")
            : Responses.Program("def f(a):\n    return 0"),
        _ => throw new ArgumentOutOfRangeException(nameof(p)),
    };

    [Fact]
    public async Task A_hand_made_step_gives_the_rewards_advantages_and_metrics_worked_out_by_hand()
    {
        var config = StepHarness.Config();
        var buffers = StepHarness.ZeroSeeded(config);
        var policy = new ScriptedPolicy(HandMade);

        var result = await new SelfPlayStep(policy, sandbox.Pool, config).RunAsync(1, buffers, new SamplerStreams(1));
        var m = result.Metrics;

        // Proposers. Abduction: x*2 on 3 (samples 3 right, 4 wrong: s = 0.5, reward 0.5) and a response without an
        // answer (-1). Deduction: reverse of 'abc' (both samples right: s = 1, the extreme reward -0.5) and a valid
        // but unformatted n + 1 (-1, still added). Induction: 4 inputs for the identity (s = 0.5, reward 0.5) and 2 (-1).
        Assert.Equal((0.5, 0.5, -0.25, 0.5, 1.0), Proposer("abduction"));
        Assert.Equal((1.0, 0.5, -0.75, 0.5, 2.0), Proposer("deduction"));
        Assert.Equal((0.5, 1.0, -0.25, 0.5, 1.0), Proposer("induction"));

        // Solvers (both tasks of each batch are the zero seed): right/wrong, right/unformatted, right/no code block.
        Assert.Equal((0.5, 1.0, 0.25), Solver("abduction"));
        Assert.Equal((0.5, 0.5, 0.0), Solver("deduction"));
        Assert.Equal((0.5, 1.0, 0.0), Solver("induction"));

        // All twelve trained rewards: 0.5 -1 | 1 -0.5 | -0.5 -1 | 1 -1 | 0.5 -1 | 1 -1: mean -1/6, population variance 13/18.
        Assert.Equal(-1.0 / 6, m["reward/mean"]!.Value, 12);
        Assert.Equal(Math.Sqrt(13.0 / 18), m["reward/std"]!.Value, 12);
        // TRR++ in a batch of two 8-token responses with rewards a != b: mean (a+b)/2, unbiased token variance
        // 4(a-b)^2/15, so each advantage is ±sqrt(15)/4 whatever a and b are (up to the 1e-8 epsilon).
        var expected = Math.Sqrt(15) / 4;
        Assert.Equal(expected, m["advantage/abs_mean"]!.Value, 6);
        var update = Assert.Single(policy.Updates);
        Assert.Equal(12, update.Count);
        Assert.Equal([+1, -1, +1, -1, +1, -1, +1, -1, +1, -1, +1, -1], update.Select(s => Math.Sign(s.Advantage)));
        Assert.All(update, s => Assert.Equal(expected, Math.Abs(s.Advantage), 6));

        Assert.Equal((2.0, 3.0, 2.0), (m["buffer/abduction/size"], m["buffer/deduction/size"], m["buffer/induction/size"]));
        Assert.Equal((8.0, 8.0, 0.0), (m["response_length/mean"], m["response_length/max"], m["response_length/clip_ratio"]));
        Assert.Equal((0.25, 1.5, 0.75, 1e-6, 0.0), (m["actor/pg_loss"], m["actor/entropy"], m["actor/grad_norm"], m["actor/lr"], m["actor/clip_frac"]));

        // Program statistics: every program is two lines at depth 1 with nothing branching; every answer is new
        // except the induction input 1, which the zero seed's six inputs hold once: (5/6 + 1 + 1 + 1) / 4.
        foreach (var type in new[] { "abduction", "deduction", "induction" })
            Assert.Equal((2.0, 1.0, 0.0), (m[$"programs/{type}/mean_lines"], m[$"programs/{type}/mean_depth"], m[$"programs/{type}/mean_complexity"]));
        Assert.Equal((1.0, 1.0, 23.0 / 24), (m["programs/abduction/answer_diversity"], m["programs/deduction/answer_diversity"], m["programs/induction/answer_diversity"]!.Value));
        Assert.True(m["sandbox/executions"] > 0);
        Assert.All(new[] { "prepare", "generate", "execute", "executor_busy", "reward", "update", "step" }, t => Assert.True(m[$"timing/{t}"] >= 0));
        Assert.Equal(12 * 8 + 8 * 2 * 4, m["throughput/generated_tokens"]);

        (double?, double?, double?, double?, double?) Proposer(string t) =>
            (m[$"propose/{t}/valid_rate"], m[$"propose/{t}/format_rate"], m[$"propose/{t}/reward_mean"], m[$"propose/{t}/solve_rate_mean"], m[$"propose/{t}/new_tasks"]);
        (double?, double?, double?) Solver(string t) => (m[$"solve/{t}/accuracy"], m[$"solve/{t}/format_rate"], m[$"solve/{t}/reward_mean"]);
    }

    [Fact]
    public async Task Valid_tasks_enter_their_buffers_with_the_step_and_every_proposal_is_recorded_with_its_verdict()
    {
        var config = StepHarness.Config();
        var buffers = StepHarness.ZeroSeeded(config);
        var result = await new SelfPlayStep(new ScriptedPolicy(HandMade), sandbox.Pool, config).RunAsync(1, buffers, new SamplerStreams(1));

        var doubled = buffers.Abduction.Entries[1];
        Assert.Equal((1, "def f(x):\n    return x * 2", "3", "6", " let me think"), (doubled.Step, doubled.Task.Program, doubled.Task.Input, doubled.Task.Output, doubled.Thought));
        Assert.Equal([0, 1, 1], buffers.Deduction.Entries.Select(e => e.Step));
        Assert.Equal(["'cba'", "2"], buffers.Deduction.Entries.Skip(1).Select(e => e.Task.Output));
        var induction = buffers.Induction.Entries[1];
        Assert.Equal((1, "returns its input"), (induction.Step, induction.Task.Message));
        Assert.Equal(["1", "2", "'x'", "[1]"], induction.Task.Outputs);

        Assert.Equal(6, result.Proposals.Count);
        var byType = result.Proposals.ToLookup(p => p.TaskType);
        var (good, noAnswer) = (byType[TaskType.Abduction].First(), byType[TaskType.Abduction].Last());
        Assert.Equal((true, true, 0.5, 0.5, true), (good.Valid, good.FormatOk, good.SolveRate, good.Reward, good.AddedToBuffer));
        Assert.Equal([true, false], good.SolverAnswers.Select(a => a.Correct));
        Assert.Equal(["3", "4"], good.SolverAnswers.Select(a => a.Answer));
        Assert.Contains("returned `8`, expected `6`", good.SolverAnswers[1].Reason);
        Assert.Equal((false, ProposalParser.NoAnswer, -1.0, false, null), (noAnswer.Valid, noAnswer.Reason, noAnswer.Reward, noAnswer.AddedToBuffer, noAnswer.SolveRate));

        var unformatted = byType[TaskType.Deduction].Last();
        Assert.Equal((true, false, FormatCheck.Failure, -1.0, true, 0.0), (unformatted.Valid, unformatted.FormatOk, unformatted.Reason, unformatted.Reward, unformatted.AddedToBuffer, unformatted.SolveRate));
        Assert.Equal(("def f(n):\n    return n + 1", "1", "2"), (unformatted.Program, unformatted.Input, unformatted.Output));

        var tooFew = byType[TaskType.Induction].Last();
        Assert.False(tooFew.Valid);
        Assert.Equal((SeedTasks.IdentityProgram, "too few"), (tooFew.Program, tooFew.Message));
        Assert.Equal(["1", "2"], tooFew.Inputs);
        Assert.Null(tooFew.Outputs);
        Assert.Contains("input", tooFew.Reason);

        // Every record is plain snake_case JSON.
        var json = JsonSerializer.Serialize(result.Proposals, AzrJson.Options);
        Assert.Contains("\"solver_answers\":[{\"answer\":\"3\",\"correct\":true", json);
        Assert.Contains("\"task_type\":\"induction\"", json);
    }

    [Fact]
    public async Task The_next_step_gives_solvers_the_previous_steps_tasks_first_and_proposers_see_them_as_references()
    {
        var config = StepHarness.Config();
        var buffers = StepHarness.ZeroSeeded(config);
        var streams = new SamplerStreams(1);
        var policy = new ScriptedPolicy(HandMade);
        var step = new SelfPlayStep(policy, sandbox.Pool, config);
        await step.RunAsync(1, buffers, streams);
        var callsBefore = policy.Calls.Count;

        var second = await step.RunAsync(2, buffers, streams);

        // Deduction gained two tasks at step 1 and B = 2: both solver tasks are those; abduction gained one, which
        // comes first, the other is drawn from the whole buffer.
        Assert.Equal([1, 1], second.SolverAttempts.Where(a => a.TaskType == TaskType.Deduction).Select(a => a.TaskStep));
        var abduction = second.SolverAttempts.Where(a => a.TaskType == TaskType.Abduction).ToList();
        Assert.Equal((1, "def f(x):\n    return x * 2"), (abduction[0].TaskStep, abduction[0].Program));
        Assert.Equal(1, second.SolverAttempts.Where(a => a.TaskType == TaskType.Induction).Select(a => a.TaskStep).First());
        Assert.All(second.SolverAttempts, a => Assert.Equal(2, a.Step));

        // The buffers grew again with step 2's tasks.
        Assert.Equal([0, 1, 2], buffers.Abduction.Entries.Select(e => e.Step));
        Assert.Equal([0, 1, 1, 2, 2], buffers.Deduction.Entries.Select(e => e.Step));
        // Step 2's deduction proposers were shown one of the three deduction tasks that existed at its start.
        var references = policy.Calls.Skip(callsBefore).Where(c => c.Kind == PromptKind.ProposeDeduction).Select(c => c.Prompt).ToList();
        Assert.Equal(2, references.Count);
        Assert.All(references, r => Assert.True(r.Contains("s[::-1]") || r.Contains("n + 1") || r.Contains("return a"), r));
    }

    [Fact]
    public async Task A_step_where_nothing_is_valid_trains_on_zero_advantages_and_reports_null_for_what_it_cannot_measure()
    {
        var config = StepHarness.Config();
        var buffers = StepHarness.ZeroSeeded(config);
        var policy = new ScriptedPolicy(_ => "gibberish");

        var result = await new SelfPlayStep(policy, sandbox.Pool, config).RunAsync(1, buffers, new SamplerStreams(1));
        var m = result.Metrics;

        foreach (var type in new[] { "abduction", "deduction", "induction" })
        {
            Assert.Equal((0.0, 0.0, -1.0, 0.0), (m[$"propose/{type}/valid_rate"], m[$"propose/{type}/format_rate"], m[$"propose/{type}/reward_mean"], m[$"propose/{type}/new_tasks"]));
            Assert.True(m.ContainsKey($"propose/{type}/solve_rate_mean"));
            Assert.Null(m[$"propose/{type}/solve_rate_mean"]);
            Assert.Null(m[$"programs/{type}/mean_lines"]);
            Assert.Null(m[$"programs/{type}/answer_diversity"]);
            Assert.Equal((0.0, -1.0), (m[$"solve/{type}/accuracy"], m[$"solve/{type}/reward_mean"]));
            Assert.Equal(1.0, m[$"buffer/{type}/size"]);
        }

        Assert.Equal((-1.0, 0.0, 0.0), (m["reward/mean"], m["reward/std"], m["advantage/abs_mean"]));
        Assert.All(Assert.Single(policy.Updates), s => Assert.Equal(0.0, s.Advantage));
        var line = JsonSerializer.Serialize(m, AzrJson.Options);
        Assert.DoesNotContain("NaN", line);
        Assert.Contains("\"propose/deduction/solve_rate_mean\":null", line);
    }

    [Fact]
    public async Task Without_proposer_training_only_the_solver_batches_are_updated_but_proposals_still_fill_the_buffers()
    {
        var config = StepHarness.Config(s => s with { TrainProposer = false });
        var buffers = StepHarness.ZeroSeeded(config);
        var policy = new ScriptedPolicy(HandMade);

        var result = await new SelfPlayStep(policy, sandbox.Pool, config).RunAsync(1, buffers, new SamplerStreams(1));

        Assert.Equal(6, Assert.Single(policy.Updates).Count);
        Assert.Equal(3, buffers.Deduction.Count);
        // The trained rewards are the solver batches': 1 -0.5 | 1 -1 | 1 -1.
        Assert.Equal(-0.5 / 6 + 0.5 - 1.0 / 3, result.Metrics["reward/mean"]!.Value, 12);
    }

    [Fact]
    public async Task Overlapped_and_sequential_execution_give_the_same_step()
    {
        var config = StepHarness.Config();
        var (overlapped, sequential) = (StepHarness.ZeroSeeded(config), StepHarness.ZeroSeeded(config));
        var (a, b) = (new ScriptedPolicy(HandMade), new ScriptedPolicy(HandMade));

        var first = await new SelfPlayStep(a, sandbox.Pool, config, overlapExecution: true).RunAsync(1, overlapped, new SamplerStreams(3));
        var second = await new SelfPlayStep(b, sandbox.Pool, config, overlapExecution: false).RunAsync(1, sequential, new SamplerStreams(3));

        Assert.Equal(StepHarness.Deterministic(first.Metrics), StepHarness.Deterministic(second.Metrics));
        Assert.Equal(a.Calls, b.Calls);
        Assert.Equal(JsonSerializer.Serialize(first.Proposals, AzrJson.Options), JsonSerializer.Serialize(second.Proposals, AzrJson.Options));
    }

    [Fact]
    public async Task A_full_buffer_keeps_its_oldest_tasks_and_says_which_proposals_it_dropped()
    {
        var config = StepHarness.Config(s => s with { MaxBufferSize = 2 });
        var buffers = StepHarness.ZeroSeeded(config);

        var result = await new SelfPlayStep(new ScriptedPolicy(HandMade), sandbox.Pool, config).RunAsync(1, buffers, new SamplerStreams(1));

        // Deduction had two valid proposals and room for one: the first stays, the second is dropped.
        var deduction = result.Proposals.Where(p => p.TaskType == TaskType.Deduction).ToList();
        Assert.Equal([true, false], deduction.Select(p => p.AddedToBuffer));
        Assert.Contains("buffer is full", deduction[1].Reason);
        Assert.Equal(1.0, result.Metrics["propose/deduction/new_tasks"]);
        Assert.Equal(2, buffers.Deduction.Count);
    }

    [Fact]
    public async Task A_valid_task_whose_solver_prompt_is_too_long_is_not_kept_and_gets_the_extreme_reward()
    {
        // Token counts are scripted: any text holding the marker is over the limit, so the proposal's own solver prompt is.
        var config = StepHarness.Config();
        var buffers = StepHarness.ZeroSeeded(config);
        var policy = new ScriptedPolicy(
            p => p.Kind == PromptKind.ProposeAbduction ? Responses.Triplet("def f(x):\n    # LONG\n    return x", "1") : "nothing",
            text => text.Contains("# LONG", StringComparison.Ordinal) ? 1_000_000 : text.Length / 4);

        var result = await new SelfPlayStep(policy, sandbox.Pool, config).RunAsync(1, buffers, new SamplerStreams(1));

        var proposal = result.Proposals.First(p => p.TaskType == TaskType.Abduction);
        Assert.Equal((true, false, -0.5), (proposal.Valid, proposal.AddedToBuffer, proposal.Reward));
        Assert.Null(proposal.SolveRate);
        Assert.Contains("solver prompt is over", proposal.Reason);
        Assert.Equal(1, buffers.Abduction.Count);
        Assert.DoesNotContain(policy.Calls, c => c.Kind == PromptKind.SolveAbduction && c.Prompt.Contains("# LONG"));
    }
}
