using AbsoluteZero.Core.Tasks;

namespace AbsoluteZero.Core.Configuration;

/// <summary>
/// Everything a self-play run can be told, grouped as the New-run form groups it. Defaults are the reference's
/// values (AZR.md §4.3, paper branch); presets start from them. Serialized with <see cref="Json.AzrJson"/>
/// (snake_case), stored as the run's jsonb config, validated by <see cref="RunConfigValidator"/>.
/// </summary>
public sealed record RunConfig
{
    public ModelSettings Model { get; init; } = new();
    public SelfPlaySettings SelfPlay { get; init; } = new();
    public RewardSettings Rewards { get; init; } = new();
    public OptimizationSettings Optimization { get; init; } = new();
    public GenerationSettings Generation { get; init; } = new();
    public SandboxSettings Sandbox { get; init; } = new();
    public ScheduleSettings Schedule { get; init; } = new();
}

public enum ModelDtype { Auto, Float32, Bfloat16 }

public enum ModelDevice { Auto, Cpu, Cuda }

public sealed record ModelSettings
{
    /// <summary>A built-in model preset (<c>tiny</c>, <c>small</c>), a registry name, or a Hugging Face id such as <c>Qwen/Qwen2.5-7B</c>.</summary>
    public string Name { get; init; } = "tiny";

    /// <summary>A local Hugging Face folder; when set it is loaded instead of resolving <see cref="Name"/>.</summary>
    public string? Path { get; init; }

    /// <summary>Auto: bf16 weights on CUDA, f32 on CPU.</summary>
    public ModelDtype Dtype { get; init; } = ModelDtype.Auto;

    /// <summary>Auto: CUDA when available, else CPU.</summary>
    public ModelDevice Device { get; init; } = ModelDevice.Auto;
}

/// <summary>What happens when a buffer is full.</summary>
public enum BufferOverflow
{
    /// <summary>The reference: keep the first entries, drop new valid tasks.</summary>
    KeepOldest,

    /// <summary>Drop the oldest entries so new tasks enter.</summary>
    EvictOldest,
}

/// <summary>Which <c>def</c> of a proposed program becomes <c>f</c> (reference <c>f_replace_location</c>).</summary>
public enum FunctionRename
{
    /// <summary>The first def (reference <c>not_first</c>, all Qwen runs).</summary>
    First,

    /// <summary>Keep <c>f</c> if present, else the last def (reference <c>any_last</c>, the Llama run).</summary>
    AnyLast,
}

public sealed record SelfPlaySettings
{
    /// <summary>Task types trained, in the reference's per-step order (abduction, deduction, induction).</summary>
    public IReadOnlyList<TaskType> TaskTypes { get; init; } = [TaskType.Abduction, TaskType.Deduction, TaskType.Induction];

    /// <summary>Sequences per (task type, role) batch; six such batches make one step.</summary>
    public int BatchSize { get; init; } = 64;

    /// <summary>K: reference triplets shown to a deduction/abduction proposer, sampled without replacement.</summary>
    public int References { get; init; } = 6;

    /// <summary>False reproduces the "no reference conditioning" ablation (K = 0).</summary>
    public bool IncludeReferences { get; init; } = true;

    /// <summary>N: solver samples per valid proposal to estimate its solve rate.</summary>
    public int LearnabilitySamples { get; init; } = 8;

    /// <summary>Inputs an induction proposal must give; half are shown to the solver, half hidden for grading.</summary>
    public int InductionInputs { get; init; } = 10;

    /// <summary>S: seeding fills each buffer to batch size × S before step 1.</summary>
    public int SeedBatchFactor { get; init; } = 4;

    /// <summary>Seeding rounds before training starts with what exists (at least the zero seed).</summary>
    public int SeedRoundLimit { get; init; } = 32;

    /// <summary>Deduction/abduction seed triplets in the reference's JSONL format; seeding is skipped when given.</summary>
    public string? SeedFile { get; init; }

    /// <summary>Induction seed problems in the reference's JSONL format.</summary>
    public string? InductionSeedFile { get; init; }

    public int MaxBufferSize { get; init; } = 16384;

    public BufferOverflow BufferOverflow { get; init; } = BufferOverflow.KeepOldest;

    /// <summary>Solver batches prefer tasks added in the last this-many steps, then fill uniformly.</summary>
    public int SolverNewTaskWindow { get; init; } = 1;

    /// <summary>Reject programs with more than one <c>def</c> anywhere (nested and methods count, as in the reference).</summary>
    public bool RejectMultipleFunctions { get; init; } = true;

    public FunctionRename FunctionRename { get; init; } = FunctionRename.First;

    /// <summary>False reproduces the "train solver only" ablation: proposals are made but not trained on.</summary>
    public bool TrainProposer { get; init; } = true;

    /// <summary>A task whose output repr is longer than this is invalid (the reference truncated silently).</summary>
    public int MaxOutputChars { get; init; } = 400;
}

public sealed record RewardSettings
{
    /// <summary>Proposer reward when the estimated solve rate is 0 or 1: the reference code's −0.5 (the paper says 0).</summary>
    public double ProposerExtremeReward { get; init; } = -0.5;

    /// <summary>Solver reward for a well-formatted wrong answer.</summary>
    public double SolverWrongReward { get; init; } = -0.5;

    /// <summary>Reward for a response that fails the format check (and for an invalid proposal).</summary>
    public double FormatPenalty { get; init; } = -1.0;
}

public enum LearningRateSchedule { Constant, Cosine, Linear }

public sealed record OptimizationSettings
{
    public double LearningRate { get; init; } = 1e-6;
    public LearningRateSchedule LrSchedule { get; init; } = LearningRateSchedule.Constant;
    public int WarmupSteps { get; init; }
    public double WeightDecay { get; init; } = 0.01;
    public double Beta1 { get; init; } = 0.9;
    public double Beta2 { get; init; } = 0.999;
    public double AdamEpsilon { get; init; } = 1e-8;

    /// <summary>Global gradient-norm clip.</summary>
    public double GradClip { get; init; } = 1.0;

    public double EntropyCoeff { get; init; } = 0.001;

    /// <summary>PPO clip ε; with one update per step the ratio is 1 and it never binds (AZR.md §4.2).</summary>
    public double ClipRatio { get; init; } = 0.2;

    /// <summary>Sequences per forward/backward; gradients accumulate to one optimizer step per training step.</summary>
    public int MicroBatchSize { get; init; } = 16;
}

public sealed record GenerationSettings
{
    public double Temperature { get; init; } = 1.0;
    public double TopP { get; init; } = 1.0;

    /// <summary>Prompts longer than this are not used: references are redrawn (proposers) or the task skipped (solvers).</summary>
    public int MaxPromptTokens { get; init; } = 6144;

    public int MaxResponseTokens { get; init; } = 8096;
}

public sealed record SandboxSettings
{
    /// <summary>Wall-clock limit per program run (the reference's 10 s).</summary>
    public int TimeoutMs { get; init; } = 10_000;

    /// <summary>Address-space limit per worker process.</summary>
    public int MemoryMb { get; init; } = 1024;

    /// <summary>Warm Python workers; 0 means one per core.</summary>
    public int Workers { get; init; }
}

public sealed record ScheduleSettings
{
    public int Steps { get; init; } = 500;

    /// <summary>Checkpoint every this many steps (and always at the end).</summary>
    public int SaveEvery { get; init; } = 10;

    /// <summary>Checkpoints kept on disk; older ones are deleted (the reference keeps 1).</summary>
    public int KeepCheckpoints { get; init; } = 1;

    /// <summary>Seeds every sampler (buffers, references, token sampling), so a run is reproducible.</summary>
    public int Seed { get; init; } = 1;
}
