using System.Text;
using AbsoluteZero.Core.Policy;
using AbsoluteZero.Core.Tasks;

namespace AbsoluteZero.Training.Benchmarks;

/// <summary>
/// For <c>azr bench train --sandbox-load</c> only: the real policy generates (so generation time and token counts are
/// real), then each response's text is swapped for a prepared one of the same kind, chosen from the prompt: valid and
/// invalid proposals of small integer programs, solver answers that are sometimes right. A random tiny model writes
/// nothing the sandbox would run; this gives the sandbox the work a capable model would, so the benchmark can show how
/// much of it generation hides. Never used for training.
/// </summary>
public sealed class ReplayedTextPolicy(IPolicy inner) : IPolicy
{
    private static readonly string[] Programs =
    [
        "def f(x):\n    total = 0\n    for i in range(x % 40):\n        total += i * i\n    return total",
        "def f(x):\n    digits = [int(c) for c in str(abs(x))]\n    return sum(digits) % 7",
        "def f(x):\n    a, b = 0, 1\n    for _ in range(x % 30):\n        a, b = b, a + b\n    return a",
        "def f(x):\n    return [i for i in range(x % 10) if i % 2 == 0]",
        "def f(x):\n    return str(x)[::-1]",
        "def f(x):\n    if x > 3:\n        return x % 3\n    return -x",
        "def f(x):\n    return x // 0",
    ];

    public int CountTokens(string text) => inner.CountTokens(text);

    public IReadOnlyList<Generation> Generate(IReadOnlyList<string> prompts, SamplingOptions options, CancellationToken cancellationToken = default) =>
        inner.Generate(prompts, options, cancellationToken).Select((g, i) => g with { Text = Replay(prompts[i], i) }).ToList();

    public IReadOnlyList<SequenceScores> Score(IReadOnlyList<PolicySample> samples, CancellationToken cancellationToken = default) =>
        inner.Score(samples, cancellationToken);

    public UpdateStats Update(IReadOnlyList<PolicySample> batch, CancellationToken cancellationToken = default) => inner.Update(batch, cancellationToken);

    public void Save(string directory) => inner.Save(directory);

    public void Dispose() => inner.Dispose();

    /// <summary>The response text for a prompt: a function of the prompt and its position only.</summary>
    public static string Replay(string prompt, int index)
    {
        var h = Fnv(prompt) + (ulong)index;
        var number = (h / 7 % 50).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var kind = PromptKind.Of(prompt);
        var answer = (kind.Type, kind.Role) switch
        {
            (TaskType.Induction, Role.Propose) =>
                string.Concat(Enumerable.Range(0, 10).Select(k => $"```input\n{(h / 3 + (ulong)k * 7) % 100}\n```\n")) + "```message\ninteger in, something out\n```",
            (_, Role.Propose) => $"```python\n{Programs[h % (ulong)Programs.Length]}\n```\n```input\n{number}\n```",
            (TaskType.Abduction, _) => $"```input\n{number}\n```",
            (TaskType.Deduction, _) => $"```output\n{number}\n```",
            _ => $"```python\n{Programs[h % (ulong)(Programs.Length - 1)]}\n```",
        };
        return $" replayed</think> <answer>{answer}</answer>";
    }

    private static ulong Fnv(string text)
    {
        var h = 14695981039346656037UL;
        foreach (var b in Encoding.UTF8.GetBytes(text))
            h = (h ^ b) * 1099511628211UL;
        return h;
    }
}
