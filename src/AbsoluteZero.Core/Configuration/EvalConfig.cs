namespace AbsoluteZero.Core.Configuration;

/// <summary>
/// What an evaluation run is told: one model (registry name, folder, or a training run's checkpoint) × benchmarks ×
/// decoding. Defaults follow the paper's protocol: greedy, one sample, pass@1 (AZR.md §7.1).
/// </summary>
public sealed record EvalConfig
{
    public EvalModel Model { get; init; } = new();

    /// <summary>Benchmark names from <see cref="BenchmarkNames"/>.</summary>
    public IReadOnlyList<string> Benchmarks { get; init; } = [.. BenchmarkNames.PaperCode, .. BenchmarkNames.PaperMath];

    public EvalDecoding Decoding { get; init; } = new();

    /// <summary>Auto: AZR style for AZR checkpoints, the base-model style for base models.</summary>
    public PromptStyle PromptStyle { get; init; } = PromptStyle.Auto;

    /// <summary>Evaluate only the first this-many problems of each benchmark (null: all), for quick looks.</summary>
    public int? Limit { get; init; }
}

public enum PromptStyle { Auto, Azr, Base }

public sealed record EvalModel
{
    /// <summary>A built-in preset (<c>tiny</c>), a registry name, or a Hugging Face id.</summary>
    public string? Name { get; init; } = "tiny";

    /// <summary>A local Hugging Face folder.</summary>
    public string? Path { get; init; }

    /// <summary>A training run whose checkpoint to evaluate.</summary>
    public long? RunId { get; init; }

    /// <summary>The checkpoint step of <see cref="RunId"/>; null takes the latest.</summary>
    public int? Step { get; init; }
}

public sealed record EvalDecoding
{
    /// <summary>0 is greedy (the paper's protocol).</summary>
    public double Temperature { get; init; }

    public double TopP { get; init; } = 1.0;

    /// <summary>Samples per problem; pass@k for k ≤ n uses the unbiased estimator.</summary>
    public int Samples { get; init; } = 1;

    /// <summary>Null takes each benchmark's own default (8096 code, 16000 math in the paper).</summary>
    public int? MaxNewTokens { get; init; }
}
