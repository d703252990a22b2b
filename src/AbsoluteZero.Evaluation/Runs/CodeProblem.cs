using AbsoluteZero.Evaluation.Benchmarks.CodeSets;

namespace AbsoluteZero.Evaluation.Runs;

/// <summary>What a code task asks, as a prompt needs it.</summary>
/// <param name="Statement">The task as the benchmark states it: HumanEval(+)'s function header and docstring, MBPP+'s
/// docstring, MBPP's sentence, LiveCodeBench's problem statement.</param>
/// <param name="CodePrompt">Python source a completion continues (EvalPlus's direct-completion prompt), or null where
/// the task has none (LiveCodeBench). For MBPP it is built as MBPP+ writes its prompts: the sentence and the first
/// assert in a docstring.</param>
/// <param name="StarterCode">LiveCodeBench's starter code (the <c>Solution</c> class of functional problems).</param>
/// <param name="ReadsStdin">LiveCodeBench problems that read stdin and print the answer.</param>
public sealed record CodeProblem(string TaskId, string Statement, string? CodePrompt, string? StarterCode = null, bool ReadsStdin = false)
{
    public static CodeProblem FromAsserts(AssertTask task)
    {
        if (task.PromptIsCode)
            return new CodeProblem(task.TaskId, task.Prompt, task.Prompt);
        var example = task.Tests.FirstOrDefault(t => t.TrimStart().StartsWith("assert", StringComparison.Ordinal));
        var docstring = $"\"\"\"\n{task.Prompt.Trim()}\n{(example is null ? "" : example.Trim() + "\n")}\"\"\"\n";
        return new CodeProblem(task.TaskId, task.Prompt, docstring);
    }
}
