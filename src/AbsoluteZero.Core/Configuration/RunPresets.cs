namespace AbsoluteZero.Core.Configuration;

/// <summary>
/// The built-in starting points: <c>tiny</c> for CPUs and CI, and the paper's per-model settings (AZR.md §4.3,
/// scripts/selfplay). Paper presets differ only in the base model and the Llama-specific switches.
/// </summary>
public static class RunPresets
{
    public const string CpuQueue = "cpu";
    public const string GpuQueue = "gpu";

    /// <summary>
    /// A random-initialised model with a byte-level tokenizer: every part of a step runs on a laptop in seconds.
    /// It learns nothing useful and its proposals are invalid; it exists to exercise the machinery.
    /// </summary>
    public static readonly RunPreset Tiny = new(
        "tiny",
        "Random-initialised tiny model on CPU: exercises the whole loop in seconds; learns nothing useful.",
        CpuQueue,
        new RunConfig
        {
            Model = new ModelSettings { Name = "tiny", Dtype = ModelDtype.Float32, Device = ModelDevice.Cpu },
            SelfPlay = new SelfPlaySettings { BatchSize = 4, LearnabilitySamples = 2, SeedRoundLimit = 1 },
            Optimization = new OptimizationSettings { LearningRate = 1e-4, MicroBatchSize = 4 },
            Generation = new GenerationSettings { MaxPromptTokens = 8192, MaxResponseTokens = 64 },
            Sandbox = new SandboxSettings { TimeoutMs = 5_000, Workers = 2 },
            Schedule = new ScheduleSettings { Steps = 20, SaveEvery = 5 },
        });

    public static readonly IReadOnlyList<RunPreset> All =
    [
        Tiny,
        Paper("qwen2.5-coder-3b", "Qwen/Qwen2.5-Coder-3B", "AZR Coder-3B (paper Table 5); reference used 2×80 GB."),
        Paper("qwen2.5-7b", "Qwen/Qwen2.5-7B", "AZR Base-7B (paper Table 1); reference used 4×80 GB."),
        Paper("qwen2.5-coder-7b", "Qwen/Qwen2.5-Coder-7B", "AZR Coder-7B, the paper's main model (Table 1); reference used 4×80 GB."),
        Paper("qwen2.5-14b", "Qwen/Qwen2.5-14B", "AZR Base-14B (paper Table 5); reference used 8×80 GB."),
        Paper("qwen2.5-coder-14b", "Qwen/Qwen2.5-Coder-14B", "AZR Coder-14B (paper Table 5); reference used 8×80 GB."),
        Paper("llama3.1-8b", "meta-llama/Llama-3.1-8B", "AZR Llama-3.1-8B (paper Table 5): S = 1, multiple defs allowed, last def renamed.",
            new SelfPlaySettings { SeedBatchFactor = 1, RejectMultipleFunctions = false, FunctionRename = FunctionRename.AnyLast }),
    ];

    public static RunPreset? Find(string name) =>
        All.FirstOrDefault(p => string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase));

    private static RunPreset Paper(string name, string model, string description, SelfPlaySettings? selfPlay = null) =>
        new(name, description, GpuQueue, new RunConfig { Model = new ModelSettings { Name = model }, SelfPlay = selfPlay ?? new SelfPlaySettings() });
}
