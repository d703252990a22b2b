using AbsoluteZero.Core.Buffers;
using AbsoluteZero.Core.Prompts;
using AbsoluteZero.Core.Tasks;

namespace AbsoluteZero.Core.Tests.Prompts;

public class PromptTests
{
    private static readonly Triplet[] Refs =
    [
        new("def f(a):\n    return a", "'x'", "'x'"),
        new("def f(n):\n    return n * 2", "21", "42"),
    ];

    private static int IndexOf(string text, string part)
    {
        var i = text.IndexOf(part, StringComparison.Ordinal);
        Assert.True(i >= 0, $"missing: {part}");
        return i;
    }

    private static void InOrder(string text, params string[] parts)
    {
        var last = -1;
        foreach (var part in parts)
        {
            var i = IndexOf(text, part);
            Assert.True(i > last, $"out of order: {part}");
            last = i;
        }
    }

    [Fact]
    public void Every_prompt_is_wrapped_in_the_r1_conversation_ending_with_an_open_think()
    {
        var prompt = ConversationTemplate.Wrap(SolverPrompts.Deduction(Refs[0]));
        Assert.EndsWith("\nAssistant: <think>", prompt);
        Assert.Contains("<think> </think>", prompt);
        Assert.Contains("<answer> </answer>", prompt);
        Assert.Contains(" User: \n# Task: Deduce the Output", prompt);
        // The generation is read from the only "Assistant:", the one that ends the prompt.
        Assert.Equal(prompt.Length - " <think>".Length - "Assistant:".Length, prompt.IndexOf("Assistant:", StringComparison.Ordinal));
    }

    [Fact]
    public void Abduction_proposer_has_the_reference_sections_references_and_banned_words()
    {
        var p = ProposerPrompts.Abduction(Refs, BannedWords.Reference, seeding: false);
        InOrder(p,
            "## Task: Create a Python Code Snippet (where custom classes are allowed, which should be defined at the top of the code snippet) with one Matching Input",
            "deduce one possible input from a given output", "I.Q. test",
            "### Code Requirements:", "`f`", "state tracking across multiple data transformations", "AVOID THE FOLLOWING:",
            "10 seconds", "anything after will be removed",
            "### Input Requirements:", "### Formatting:", "```python", "```input",
            "### Example Format:", "def f(name: str, info: dict):", "'John', {'age': 20, 'city': 'New York'}",
            "### Evaluation Criteria:", "Executability", "Difficulty", "Creativity",
            "logging, random, multiprocessing, pebble, subprocess, threading, datetime, time, hashlib, hmac, bcrypt, os.sys, os.path, sys.exit, os.environ, calendar, datetime",
            "First, carefully devise a clear plan",
            "### Reference Code Snippets:",
            "<snippet_0>\n```python\ndef f(a):\n    return a\n```\n```input\n'x'\n```\n```output\n'x'\n```\n</snippet_0>\n",
            "<snippet_1>\n```python\ndef f(n):\n    return n * 2\n```\n```input\n21\n```\n```output\n42\n```\n</snippet_1>\n");
        Assert.DoesNotContain("declared outside of functions will be removed", p);
        Assert.Contains("declared outside of functions will be removed", ProposerPrompts.Abduction(Refs, BannedWords.Reference, seeding: true));
    }

    [Fact]
    public void Kept_quirk_the_difficulty_criteria_are_swapped_between_abduction_and_deduction()
    {
        var abduction = ProposerPrompts.Abduction(Refs, BannedWords.Reference, false);
        var deduction = ProposerPrompts.Deduction(Refs, BannedWords.Reference, false);
        Assert.Contains("- Difficulty in predicting the output from your provided input and code snippet", abduction);
        Assert.Contains("- Difficulty in predicting your ```input``` from 1) your ```python``` code and 2) the deterministic ```output```", deduction);
        Assert.Contains("## Task: Create a New Python Code Snippet", deduction);
        Assert.Contains("deduce the output from the input", deduction);
    }

    [Fact]
    public void Induction_proposer_asks_for_n_inputs_and_a_message_for_the_given_program()
    {
        var p = ProposerPrompts.Induction("def f(a):\n    return a", 10);
        InOrder(p,
            "## Task: Output 10 Inputs that can be plugged into the following Code Snippet to produce diverse Outputs, and give a message related to the given snippet.",
            "A subset of your given input and its deterministically produced outputs will be given to a test subject to deduce the function",
            "### Input Requirements:", "Each input should be individually wrapped in ```input``` tags",
            "### Message Requirements:", "```message```", "You cannot provide the code snippet in the message",
            "### Formatting:", "### Example Format:", "'John', {'age': 20, 'city': 'New York'}", "'Sammy', {'age': 37, 'city': 'Los Angeles'}",
            "### Evaluation Criteria:", "Coverage", "Creativity",
            "### Code Snippet:\n```python\ndef f(a):\n    return a\nf(<|YOUR INPUT WILL BE PLUGGED HERE|>)\n```");
        Assert.DoesNotContain("hashlib", p);
    }

    [Fact]
    public void Solver_prompts_show_what_the_role_may_see()
    {
        var t = new Triplet("def f(n):\n    return n * 2", "21", "42");
        var abduction = SolverPrompts.Abduction(t);
        InOrder(abduction, "# Task: Provide One Possible Input of a Python Code Snippet Given the Code and Output", "# Code Snippet:\n```python\ndef f(n):\n    return n * 2\n```",
            "# Output:\n```output\n42\n```", "# Output Format:\n```input\narg1, arg2, ...\n```", "# Example Output:\n```input\n'John', {'age': 20, 'city': 'New York'}\n```");
        Assert.DoesNotContain("21", abduction);

        var deduction = SolverPrompts.Deduction(t);
        InOrder(deduction, "# Task: Deduce the Output of a Python Code Snippet Given the Code and Input", "use a tuple to wrap them", "# Code Snippet:", "# Input:\n```input\n21\n```",
            "# Example Output:\n```output\n{'age': 20, 'city': 'New York'}\n```");
        Assert.DoesNotContain("42", deduction);
    }

    [Fact]
    public void Induction_solver_sees_the_first_half_of_the_pairs_and_the_message_only()
    {
        var task = new InductionTask("def f(a):\n    return a * 3",
            ["1", "2", "3", "4", "5", "6", "7", "8", "9", "10"], ["3", "6", "9", "12", "15", "18", "21", "24", "27", "30"], "triple it");
        var p = SolverPrompts.Induction(task);
        InOrder(p, "# Task: Deduce the Function that Produced the Outputs from the Inputs", "# Code Requirements:",
            "# Input and Output Pairs:\n```input_0\n1\n```\n```output_0\n3\n```\n", "```input_4\n5\n```\n```output_4\n15\n```\n",
            "# Message:\n```message\ntriple it\n```", "# Example Output:\n```python\ndef f(a):\n    return a\n```", "Name your entry function `f()`!!!");
        Assert.DoesNotContain("input_5", p);
        Assert.DoesNotContain("```output_", p[p.IndexOf("# Message:", StringComparison.Ordinal)..]);
        Assert.DoesNotContain("return a * 3", p);
        Assert.DoesNotContain("18", p);
    }

    [Fact]
    public void Builder_draws_k_references_without_replacement()
    {
        var pool = Enumerable.Range(0, 20).Select(i => new Triplet($"def f(a):\n    return a + {i}", $"{i}", $"{2 * i}")).ToList();
        var builder = new ProposerPromptBuilder(text => text.Length, 1_000_000, BannedWords.Reference);
        var prompt = builder.Build(TaskType.Deduction, pool, 6, 10, false, AzrRandom.Create(1, "p"));
        Assert.Equal(6, prompt.References.Count);
        Assert.Equal(6, prompt.References.Distinct().Count());
        Assert.Contains("<snippet_5>", prompt.Text);
        Assert.DoesNotContain("<snippet_6>", prompt.Text);
        Assert.EndsWith("Assistant: <think>", prompt.Text);
    }

    [Fact]
    public void Builder_redraws_and_then_shows_fewer_references_when_the_prompt_is_too_long()
    {
        var pool = Enumerable.Range(0, 10).Select(i => new Triplet("def f(a):\n    return a" + new string('#', 2000), $"{i}", $"{i}")).ToList();
        var noRefs = ConversationTemplate.Wrap(ProposerPrompts.Abduction([], BannedWords.Reference, false)).Length;
        var builder = new ProposerPromptBuilder(text => text.Length, noRefs + 4500, BannedWords.Reference);
        var prompt = builder.Build(TaskType.Abduction, pool, 6, 10, false, AzrRandom.Create(1, "p"));
        Assert.Equal(2, prompt.References.Count);

        var tooSmall = new ProposerPromptBuilder(text => text.Length, noRefs - 1, BannedWords.Reference);
        Assert.Throws<InvalidOperationException>(() => tooSmall.Build(TaskType.Abduction, pool, 6, 10, false, AzrRandom.Create(1, "p")));
    }

    [Fact]
    public void Builder_gives_the_induction_proposer_one_program_from_the_pool()
    {
        var pool = new[] { SeedTasks.ZeroTriplet, new Triplet("def f(x):\n    return -x", "1", "-1") };
        var prompt = new ProposerPromptBuilder(t => t.Length, 100_000, BannedWords.Reference)
            .Build(TaskType.Induction, pool, 6, 10, false, AzrRandom.Create(5, "i"));
        var program = Assert.Single(prompt.References);
        Assert.Contains(program.Program + "\nf(<|YOUR INPUT WILL BE PLUGGED HERE|>)", prompt.Text);
    }
}
