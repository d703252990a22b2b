namespace AbsoluteZero.Training.Tests;

/// <summary>Model responses as the policy writes them: the text after the prompt's opening think tag.</summary>
public static class Responses
{
    public static string Formatted(string answer, string think = "let me think") => $" {think}</think> <answer>{answer}</answer>";

    public static string Triplet(string program, string input) => Formatted($"```python\n{program}\n```\n```input\n{input}\n```");

    public static string Inputs(string message, params string[] inputs) =>
        Formatted(string.Concat(inputs.Select(i => $"```input\n{i}\n```\n")) + $"```message\n{message}\n```");

    public static string Input(string input) => Formatted($"```input\n{input}\n```");

    public static string Output(string output) => Formatted($"```output\n{output}\n```");

    public static string Program(string program) => Formatted($"```python\n{program}\n```");
}
