using AbsoluteZero.Core.Tasks;

namespace AbsoluteZero.Training.Benchmarks;

/// <summary>Which of the six AZR prompts a prompt is (a task type and a role), read from its task heading.</summary>
public sealed record PromptKind(TaskType Type, Role Role)
{
    private static readonly (string Heading, PromptKind Kind)[] Headings =
    [
        ("## Task: Create a New Python Code Snippet", new(TaskType.Deduction, Role.Propose)),
        ("## Task: Create a Python Code Snippet", new(TaskType.Abduction, Role.Propose)),
        ("Inputs that can be plugged into the following Code Snippet", new(TaskType.Induction, Role.Propose)),
        ("# Task: Provide One Possible Input", new(TaskType.Abduction, Role.Solve)),
        ("# Task: Deduce the Output", new(TaskType.Deduction, Role.Solve)),
        ("# Task: Deduce the Function", new(TaskType.Induction, Role.Solve)),
    ];

    public static PromptKind Of(string prompt) =>
        Headings.FirstOrDefault(h => prompt.Contains(h.Heading, StringComparison.Ordinal)).Kind
        ?? throw new ArgumentException("not an AZR prompt: " + prompt[..Math.Min(120, prompt.Length)], nameof(prompt));
}
