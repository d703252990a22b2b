using System.Text.Json;
using System.Text.RegularExpressions;
using AbsoluteZero.Core.Configuration;
using AbsoluteZero.Core.Policy;
using AbsoluteZero.Training.Policies;

namespace AbsoluteZero.Training.Tests;

/// <summary>Which of the six AZR prompts a prompt is, read from its task heading.</summary>
public enum PromptKind
{
    ProposeAbduction,
    ProposeDeduction,
    ProposeInduction,
    SolveAbduction,
    SolveDeduction,
    SolveInduction,
}

/// <summary>A prompt as the script sees it: its kind, its text, and its position in the Generate call that asked for it.</summary>
public sealed partial record ScriptedPrompt(PromptKind Kind, string Text, int Index)
{
    /// <summary>The program shown in a solver prompt (its first python block).</summary>
    public string? Program => PythonBlock().Match(Text) is { Success: true } m ? m.Groups[1].Value : null;

    public static PromptKind KindOf(string prompt) =>
        prompt.Contains("## Task: Create a New Python Code Snippet", StringComparison.Ordinal) ? PromptKind.ProposeDeduction
        : prompt.Contains("## Task: Create a Python Code Snippet", StringComparison.Ordinal) ? PromptKind.ProposeAbduction
        : prompt.Contains("Inputs that can be plugged into the following Code Snippet", StringComparison.Ordinal) ? PromptKind.ProposeInduction
        : prompt.Contains("# Task: Provide One Possible Input", StringComparison.Ordinal) ? PromptKind.SolveAbduction
        : prompt.Contains("# Task: Deduce the Output", StringComparison.Ordinal) ? PromptKind.SolveDeduction
        : prompt.Contains("# Task: Deduce the Function", StringComparison.Ordinal) ? PromptKind.SolveInduction
        : throw new ArgumentException("not an AZR prompt: " + prompt[..Math.Min(200, prompt.Length)]);

    [GeneratedRegex(@"```python\n(.*?)\n```", RegexOptions.Singleline)]
    private static partial Regex PythonBlock();
}

/// <summary>
/// A test double of <see cref="IPolicy"/>: it answers every prompt with the text its script prepares, so trainer tests
/// drive the real step logic and the real sandbox with responses chosen to reach each path. Every response is
/// <see cref="TokensPerResponse"/> tokens long (so TRR++'s token weighting is easy to follow by hand); updates are
/// recorded and answered with fixed statistics. Its only state is how many updates it took, saved with checkpoints.
/// </summary>
public sealed class ScriptedPolicy(Func<ScriptedPrompt, string> script, Func<string, int>? countTokens = null) : IPolicy
{
    public const string StateFile = "scripted_policy.json";

    public int TokensPerResponse { get; init; } = 8;

    public List<(PromptKind Kind, string Prompt, string Response)> Calls { get; } = [];

    public List<IReadOnlyList<PolicySample>> Updates { get; } = [];

    /// <summary>Updates taken before this instance was created (restored from a checkpoint).</summary>
    public int PriorUpdates { get; init; }

    /// <summary>Called before each Generate with the call's prompt kinds; lets a test cancel at a chosen moment.</summary>
    public Action<IReadOnlyList<PromptKind>>? BeforeGenerate { get; init; }

    public int CountTokens(string text) => countTokens?.Invoke(text) ?? text.Length / 4 + 1;

    public IReadOnlyList<Generation> Generate(IReadOnlyList<string> prompts, SamplingOptions options, CancellationToken cancellationToken = default)
    {
        BeforeGenerate?.Invoke(prompts.Select(ScriptedPrompt.KindOf).ToList());
        cancellationToken.ThrowIfCancellationRequested();
        return prompts.Select((prompt, i) =>
        {
            var kind = ScriptedPrompt.KindOf(prompt);
            var response = script(new ScriptedPrompt(kind, prompt, i));
            Calls.Add((kind, prompt, response));
            return new Generation(response, [1, 2, 3], Enumerable.Range(10, TokensPerResponse).ToList(), new float[TokensPerResponse], false);
        }).ToList();
    }

    public IReadOnlyList<SequenceScores> Score(IReadOnlyList<PolicySample> samples, CancellationToken cancellationToken = default) =>
        samples.Select(s => new SequenceScores(new float[s.ResponseTokens.Count], new float[s.ResponseTokens.Count])).ToList();

    public UpdateStats Update(IReadOnlyList<PolicySample> batch, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        Updates.Add(batch);
        return new UpdateStats(PgLoss: 0.25, Entropy: 1.5, GradNorm: 0.75, LearningRate: 1e-6, ClipFraction: 0, Tokens: batch.Sum(s => (long)s.ResponseTokens.Count));
    }

    public void Save(string directory)
    {
        Directory.CreateDirectory(directory);
        File.WriteAllText(Path.Combine(directory, StateFile), JsonSerializer.Serialize(PriorUpdates + Updates.Count));
    }

    public void Dispose()
    {
    }
}

/// <summary>Gives sessions a <see cref="ScriptedPolicy"/> with one script; its responses depend on the prompt only, so it needs no sampler state.</summary>
public sealed class ScriptedPolicyProvider(Func<ScriptedPrompt, string> script) : IPolicyProvider
{
    public List<ScriptedPolicy> Created { get; } = [];

    public Action<IReadOnlyList<PromptKind>>? BeforeGenerate { get; init; }

    public IPolicy Create(RunConfig config) => Track(new ScriptedPolicy(script) { BeforeGenerate = BeforeGenerate });

    public IPolicy Resume(string checkpoint, RunConfig config) =>
        Track(new ScriptedPolicy(script) { BeforeGenerate = BeforeGenerate, PriorUpdates = JsonSerializer.Deserialize<int>(File.ReadAllText(Path.Combine(checkpoint, ScriptedPolicy.StateFile))) });

    public byte[]? CaptureSampling(IPolicy policy) => null;

    public void RestoreSampling(IPolicy policy, byte[] state) => throw new InvalidOperationException("a scripted policy has no sampler");

    private ScriptedPolicy Track(ScriptedPolicy policy)
    {
        Created.Add(policy);
        return policy;
    }
}
