using AbsoluteZero.Core.Configuration;
using AbsoluteZero.Core.Prompts;
using AbsoluteZero.Evaluation.Runs;

namespace AbsoluteZero.Evaluation.Prompting;

/// <summary>
/// Code prompts (AZR.md §7.1; the choices are explained in docs/evaluation-runs.md).
/// <list type="bullet">
/// <item>HumanEval(+), MBPP(+), AZR style: EvalPlus's instruction (the <c>azr</c> variant bundled with the reference:
/// "efficient and self-contained") with the task's code in a block, inside the R1 conversation; the program is the
/// last code block of the answer.</item>
/// <item>HumanEval(+), MBPP(+), base style: EvalPlus's direct completion for base models: the task's code as the whole
/// prompt, the response continues it and ends at EvalPlus's stop strings.</item>
/// <item>LiveCodeBench: the question with lcb_runner's format section (starter code, or stdin/stdout), in the R1
/// conversation for AZR checkpoints and in lcb_runner's plain base-model layout otherwise; the last code block is the
/// program.</item>
/// </list>
/// </summary>
public static class CodePrompts
{
    public const string EvalPlusInstruction =
        "Please provide an efficient and self-contained Python script that solves the following problem in a markdown code block:";

    /// <summary>EvalPlus's end-of-sequence strings for every base model.</summary>
    public static readonly IReadOnlyList<string> CompletionStops = ["<|endoftext|>", "<|endofmask|>", "</s>", "\nif __name__", "\ndef main(", "\nprint("];

    /// <summary>EvalPlus's extra stops for direct completion: the next top-level statement ends a HumanEval function.</summary>
    public static readonly IReadOnlyList<string> HumanEvalCompletionStops = ["\ndef ", "\nclass ", "\nimport ", "\nfrom ", "\nassert "];

    /// <summary>… and the end of the prompt's docstring or the next assert ends an MBPP program.</summary>
    public static readonly IReadOnlyList<string> MbppCompletionStops = ["\n\"\"\"", "\nassert"];

    /// <summary>lcb_runner stops base models at the next section marker.</summary>
    public static readonly IReadOnlyList<string> LiveCodeBenchBaseStops = ["\n###", "<|endoftext|>"];

    public static EvalPrompt For(string benchmark, CodeProblem problem, PromptStyle style)
    {
        if (problem.CodePrompt is not { } code)
            return LiveCodeBench(problem, style);
        if (style == PromptStyle.Azr)
        {
            var task = $"{EvalPlusInstruction}\n```python\n{code.Trim()}\n```";
            return new EvalPrompt(ConversationTemplate.Wrap(task), [MathPrompts.AnswerEnd], ResponseForm.CodeBlock, style);
        }

        var extra = benchmark is BenchmarkNames.MbppPlus or BenchmarkNames.MbppSanitized ? MbppCompletionStops : HumanEvalCompletionStops;
        return new EvalPrompt(code, [.. CompletionStops, .. extra], ResponseForm.Completion, style);
    }

    private static EvalPrompt LiveCodeBench(CodeProblem problem, PromptStyle style)
    {
        var format = problem.StarterCode is { } starter
            ? $"Use the starter code below and put your whole solution in one code block:\n```python\n{starter.Trim()}\n```"
            : "Read the input from stdin, solve the problem and write the answer to stdout (do not test on the sample inputs by hand). " +
              "Put your whole program in one code block:\n```python\n# YOUR CODE HERE\n```";
        if (style == PromptStyle.Azr)
        {
            var task = "# Task: Write a Python program that solves the problem below. Your final answer should be wrapped in ```python``` tags.\n\n" +
                       $"### Question:\n{problem.Statement.Trim()}\n\n### Format:\n{format}";
            return new EvalPrompt(ConversationTemplate.Wrap(task), [MathPrompts.AnswerEnd], ResponseForm.CodeBlock, style);
        }

        var text = "You are given a programming problem. Write a correct Python program that meets its specification and passes all " +
                   "tests, and return nothing but the program.\n\n" +
                   $"### Question:\n{problem.Statement.Trim()}\n\n### Format:\n{format}\n\n### Answer: (in the format above, with the backticks)\n\n";
        return new EvalPrompt(text, LiveCodeBenchBaseStops, ResponseForm.CodeBlock, style);
    }
}
