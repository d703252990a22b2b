namespace AbsoluteZero.Core.Configuration;

/// <param name="Name">What users type: <c>tiny</c>, <c>qwen2.5-coder-7b</c>, …</param>
/// <param name="Description">One line for the New-run form.</param>
/// <param name="Queue">The Hangfire queue (GPU class) a run of this preset goes to by default.</param>
/// <param name="Config">The full config the preset stands for.</param>
public sealed record RunPreset(string Name, string Description, string Queue, RunConfig Config);
