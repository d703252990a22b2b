using System.Text;

namespace AbsoluteZero.Training.Tests;

/// <summary>
/// A script whose every response is a function of the prompt text alone: which program a proposer writes, which inputs,
/// what a solver answers. Since prompts depend on the references and solver tasks drawn, two runs give the same
/// responses exactly when they sample the same things from the same buffers.
/// </summary>
public static class ScriptedRuns
{
    private static readonly string[] Programs =
    [
        "def f(x):\n    return x * 2",
        "def f(x):\n    return x + 1",
        "def f(x):\n    if x > 2:\n        return x % 3\n    return -x",
        "def f(x):\n    return x / 0",
    ];

    public static string Respond(ScriptedPrompt prompt)
    {
        var h = Hash(prompt.Text) + (ulong)prompt.Index;
        var small = (h / 7 % 5).ToString();
        return prompt.Kind switch
        {
            PromptKind.ProposeAbduction or PromptKind.ProposeDeduction => Responses.Triplet(Programs[h % (ulong)Programs.Length], small),
            PromptKind.ProposeInduction => Responses.Inputs("a number in, a number out", ["1", "2", small, "4"]),
            PromptKind.SolveAbduction => Responses.Input(small),
            PromptKind.SolveDeduction => Responses.Output(small),
            _ => Responses.Program(Programs[h % 3]),
        };
    }

    private static ulong Hash(string text)
    {
        var h = 14695981039346656037UL;
        foreach (var b in Encoding.UTF8.GetBytes(text))
            h = (h ^ b) * 1099511628211UL;
        return h;
    }
}
