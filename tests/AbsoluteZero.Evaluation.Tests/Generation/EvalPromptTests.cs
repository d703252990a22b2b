using AbsoluteZero.Core.Configuration;
using AbsoluteZero.Core.Prompts;
using AbsoluteZero.Evaluation.Generation;
using AbsoluteZero.Evaluation.Prompting;
using AbsoluteZero.Testing;

namespace AbsoluteZero.Evaluation.Tests.Generation;

/// <summary>The paper's evaluation prompts (AZR.md §7.1) built from the real benchmark files, in both styles.</summary>
public sealed class EvalPromptTests
{
    private static EvalBenchmark Load(string name, PromptStyle style, int limit = 3) => EvalBenchmark.Load(name, RepositoryPaths.Benchmarks, style, limit);

    [Fact]
    public void Math_for_an_azr_checkpoint_is_the_question_in_the_r1_conversation_ending_with_an_open_think()
    {
        var problem = Load(BenchmarkNames.Math500, PromptStyle.Azr).Problems[0];
        var question = File.ReadLines(Path.Combine(RepositoryPaths.Benchmarks, "math500", "test.jsonl")).First();

        Assert.Equal(ConversationTemplate.Wrap(QuestionOf(question)), problem.Prompt.Text);
        Assert.EndsWith("\nAssistant: <think>", problem.Prompt.Text);
        Assert.Equal(["</answer>"], problem.Prompt.StopStrings);
        Assert.Equal(ResponseForm.MathAnswer, problem.Prompt.Form);
        Assert.NotNull(problem.Reference);
    }

    [Fact]
    public void Math_for_a_base_model_is_qwen_boxed()
    {
        var problem = Load(BenchmarkNames.Aime2024, PromptStyle.Base).Problems[0];
        var question = QuestionOf(File.ReadLines(Path.Combine(RepositoryPaths.Benchmarks, "aime2024", "test.jsonl")).First());

        Assert.Equal(
            "<|im_start|>system\nYou are a helpful assistant.<|im_end|>\n" +
            $"<|im_start|>user\n{question}\nPlease reason step by step, and put your final answer within \\boxed{{}}.<|im_end|>\n" +
            "<|im_start|>assistant\n",
            problem.Prompt.Text);
        Assert.Equal(["<|im_end|>", "<|endoftext|>"], problem.Prompt.StopStrings);
    }

    [Fact]
    public void Evalplus_for_a_base_model_is_direct_completion_of_the_task_code_with_evalplus_stops()
    {
        var humanEval = Load(BenchmarkNames.HumanEvalPlus, PromptStyle.Base).Problems[0];
        var mbpp = Load(BenchmarkNames.MbppPlus, PromptStyle.Base).Problems[0];

        Assert.StartsWith("from typing import List\n\n\ndef has_close_elements(", humanEval.Prompt.Text);
        Assert.Equal(humanEval.CodePrompt, humanEval.Prompt.Text);
        Assert.Equal(ResponseForm.Completion, humanEval.Prompt.Form);
        Assert.Contains("\ndef ", humanEval.Prompt.StopStrings);
        Assert.Contains("\nif __name__", humanEval.Prompt.StopStrings);
        Assert.DoesNotContain("\n\"\"\"", humanEval.Prompt.StopStrings);

        Assert.StartsWith("\"\"\"\nWrite a function to find the shared elements", mbpp.Prompt.Text);
        Assert.Contains("\n\"\"\"", mbpp.Prompt.StopStrings);
        Assert.DoesNotContain("\ndef ", mbpp.Prompt.StopStrings);
    }

    [Fact]
    public void Evalplus_for_an_azr_checkpoint_asks_for_a_script_in_a_code_block_inside_the_conversation()
    {
        var problem = Load(BenchmarkNames.HumanEvalPlus, PromptStyle.Azr).Problems[0];

        Assert.StartsWith("A conversation between User and Assistant.", problem.Prompt.Text);
        Assert.Contains($"User: {CodePrompts.EvalPlusInstruction}\n```python\nfrom typing import List", problem.Prompt.Text);
        Assert.EndsWith("```\nAssistant: <think>", problem.Prompt.Text);
        Assert.Equal(ResponseForm.CodeBlock, problem.Prompt.Form);
    }

    [Fact]
    public void Mbpp_sanitized_base_prompt_is_written_like_mbpp_plus_a_docstring_with_the_sentence_and_the_first_assert()
    {
        var problem = Load(BenchmarkNames.MbppSanitized, PromptStyle.Base).Problems[0];
        var plus = Load(BenchmarkNames.MbppPlus, PromptStyle.Base).Problems[0];

        Assert.Equal(("Mbpp/2", "Mbpp/2"), (problem.Id, plus.Id));
        Assert.Equal(plus.Prompt.Text, problem.Prompt.Text);
        Assert.Equal(ResponseForm.Completion, problem.Prompt.Form);
    }

    [Fact]
    public void Livecodebench_prompts_carry_the_starter_code_or_the_stdin_format()
    {
        var problems = Load(BenchmarkNames.LiveCodeBench, PromptStyle.Azr, limit: 400).Problems;
        var functional = problems.First(p => p.Prompt.Text.Contains("class Solution"));
        var stdin = problems.First(p => p.Prompt.Text.Contains("Read the input from stdin"));

        Assert.All([functional, stdin], p =>
        {
            Assert.Contains("Your final answer should be wrapped in ```python``` tags", p.Prompt.Text);
            Assert.EndsWith("Assistant: <think>", p.Prompt.Text);
            Assert.Equal(ResponseForm.CodeBlock, p.Prompt.Form);
            Assert.Null(p.CodePrompt);
        });
        Assert.DoesNotContain("Read the input from stdin", functional.Prompt.Text);

        var baseStyle = Load(BenchmarkNames.LiveCodeBench, PromptStyle.Base, limit: 1).Problems[0];
        Assert.DoesNotContain("<think>", baseStyle.Prompt.Text);
        Assert.EndsWith("### Answer: (in the format above, with the backticks)\n\n", baseStyle.Prompt.Text);
    }

    [Fact]
    public void A_limit_takes_the_first_problems_in_file_order_and_auto_must_be_resolved_first()
    {
        Assert.Equal(["HumanEval/0", "HumanEval/1"], Load(BenchmarkNames.HumanEval, PromptStyle.Base, limit: 2).Problems.Select(p => p.Id));
        Assert.Equal(500, EvalBenchmark.Load(BenchmarkNames.Math500, RepositoryPaths.Benchmarks, PromptStyle.Base, null).Problems.Count);
        Assert.Throws<ArgumentException>(() => Load(BenchmarkNames.Math500, PromptStyle.Auto));
    }

    [Fact]
    public void Response_budgets_are_the_papers()
    {
        Assert.Equal(8096, Load(BenchmarkNames.MbppPlus, PromptStyle.Base, 1).DefaultMaxNewTokens);
        Assert.Equal(16000, Load(BenchmarkNames.Gsm8k, PromptStyle.Base, 1).DefaultMaxNewTokens);
    }

    private static string QuestionOf(string jsonLine)
    {
        using var row = System.Text.Json.JsonDocument.Parse(jsonLine);
        foreach (var field in new[] { "problem", "question" })
        {
            if (row.RootElement.TryGetProperty(field, out var value))
                return value.GetString()!;
        }

        throw new InvalidOperationException("no question field");
    }
}
