using AbsoluteZero.Core.Configuration;
using AbsoluteZero.Core.Prompts;
using AbsoluteZero.Evaluation.Benchmarks.MathSets;

namespace AbsoluteZero.Evaluation.Prompting;

/// <summary>
/// Math prompts as the paper's harness writes them (AZR.md §7.1). AZR checkpoints get the <c>azr</c> template: the
/// question inside the R1 conversation the model was trained with, ending <c>Assistant: &lt;think&gt;</c>. Base models
/// get <c>qwen-boxed</c> (the math-evaluation-harness template the authors named for base Qwen models): Qwen's chat
/// markers, a system line, the question and the instruction to box the final answer.
/// </summary>
public static class MathPrompts
{
    public const string BoxedInstruction = "Please reason step by step, and put your final answer within \\boxed{}.";

    /// <summary>The end of the AZR answer: nothing after it is read.</summary>
    public const string AnswerEnd = "</answer>";

    /// <summary>qwen-boxed's stop words (the harness also lists <c>&lt;/s&gt;</c>, which no Qwen tokenizer produces as text).</summary>
    public static readonly IReadOnlyList<string> ChatStops = ["<|im_end|>", "<|endoftext|>"];

    public static EvalPrompt For(MathProblem problem, PromptStyle style)
    {
        var question = problem.Context is { Length: > 0 } context ? $"{context.Trim()}\n{problem.Question}" : problem.Question;
        return style == PromptStyle.Azr
            ? new EvalPrompt(ConversationTemplate.Wrap(question), [AnswerEnd], ResponseForm.MathAnswer, style)
            : new EvalPrompt(QwenBoxed(question), ChatStops, ResponseForm.MathAnswer, style);
    }

    private static string QwenBoxed(string question) =>
        "<|im_start|>system\nYou are a helpful assistant.<|im_end|>\n" +
        $"<|im_start|>user\n{question}\n{BoxedInstruction}<|im_end|>\n" +
        "<|im_start|>assistant\n";
}
