using AbsoluteZero.Core.Configuration;
using AbsoluteZero.Core.Prompts;
using AbsoluteZero.Evaluation.Prompting;

namespace AbsoluteZero.Evaluation.Tests.Generation;

/// <summary>What is read out of a response: the program or the text the math grader sees.</summary>
public sealed class ResponseReaderTests
{
    private const string Header = "def add(a, b):\n    \"\"\"Add.\"\"\"\n";

    private static readonly EvalPrompt Completion = new(Header, [.. CodePrompts.CompletionStops, .. CodePrompts.HumanEvalCompletionStops], ResponseForm.Completion, PromptStyle.Base);
    private static readonly EvalPrompt AzrCode = new(ConversationTemplate.Wrap("task"), [MathPrompts.AnswerEnd], ResponseForm.CodeBlock, PromptStyle.Azr);
    private static readonly EvalPrompt BaseCode = new("task", CodePrompts.LiveCodeBenchBaseStops, ResponseForm.CodeBlock, PromptStyle.Base);
    private static readonly EvalPrompt AzrMath = new(ConversationTemplate.Wrap("q"), [MathPrompts.AnswerEnd], ResponseForm.MathAnswer, PromptStyle.Azr);
    private static readonly EvalPrompt BaseMath = new("q", MathPrompts.ChatStops, ResponseForm.MathAnswer, PromptStyle.Base);

    [Fact]
    public void A_completion_continues_the_prompt_and_ends_at_the_earliest_stop_string()
    {
        var response = "    return a + b\n\nprint(add(1, 2))\ndef other():\n    pass\n";

        Assert.Equal(Header + "    return a + b\n", ResponseReader.Program(Completion, Header, response));
        Assert.Equal(Header, ResponseReader.Program(Completion, Header, ""));
    }

    [Fact]
    public void An_azr_response_gives_the_last_code_block_of_its_answer()
    {
        var response = "I try ```python\ndef add(a, b): return 0\n``` first.</think> <answer>Draft:\n```python\ndef add(a, b): return a - b\n```\n" +
                       "Final:\n```python\ndef add(a, b):\n    return a + b\n```</answer> trailing ```python\nx = 1\n```";

        Assert.Equal("def add(a, b):\n    return a + b\n", ResponseReader.Program(AzrCode, null, response));
    }

    [Fact]
    public void Without_an_answer_block_the_last_code_block_of_the_generation_counts_and_an_answer_of_bare_code_is_taken_as_is()
    {
        Assert.Equal("print(2)\n", ResponseReader.Program(AzrCode, null, "```py\nprint(1)\n```\nthen\n```\nprint(2)\n```"));
        Assert.Equal("def add(a, b): return a + b", ResponseReader.Program(AzrCode, null, "ok</think><answer>def add(a, b): return a + b</answer>"));
        Assert.Null(ResponseReader.Program(AzrCode, null, "I have no idea.</think><answer></answer>"));
        Assert.Null(ResponseReader.Program(AzrCode, null, "thinking forever"));
    }

    [Fact]
    public void An_azr_generation_ends_where_the_model_starts_a_new_assistant_turn()
    {
        var response = "x</think>```python\nprint(1)\n```\nUser: more\nAssistant: <think>```python\nprint(2)\n```";

        Assert.Equal("print(1)\n", ResponseReader.Program(AzrCode, null, response));
    }

    [Fact]
    public void A_base_style_block_response_gives_its_last_closed_block_before_the_stop()
    {
        Assert.Equal("n = int(input())\nprint(n * 2)\n", ResponseReader.Program(BaseCode, null, "```python\nn = int(input())\nprint(n * 2)\n```\n### Question:\n```python\nprint(0)\n```"));
        Assert.Null(ResponseReader.Program(BaseCode, null, "```python\nunfinished"));
    }

    [Fact]
    public void The_math_grader_sees_the_azr_generation_or_the_base_response_up_to_its_stop()
    {
        Assert.Equal("<think>2+2</think><answer>4", ResponseReader.MathText(AzrMath, "2+2</think><answer>4</answer>\nUser: next"));
        Assert.Equal("so \\boxed{4}", ResponseReader.MathText(BaseMath, "so \\boxed{4}<|im_end|>\n<|im_start|>user\n\\boxed{5}"));
    }

    [Fact]
    public void A_math_prompt_is_not_read_as_code_and_a_completion_needs_its_code()
    {
        Assert.Throws<ArgumentException>(() => ResponseReader.Program(AzrMath, null, "x"));
        Assert.Throws<ArgumentException>(() => ResponseReader.Program(Completion, null, "x"));
    }
}
