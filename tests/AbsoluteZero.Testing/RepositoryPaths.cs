namespace AbsoluteZero.Testing;

/// <summary>Where the repository and the <c>../shared</c> folder beside it are, from any test's output folder.</summary>
public static class RepositoryPaths
{
    /// <summary>The repository root: the nearest ancestor holding AbsoluteZero.Web.sln.</summary>
    public static string Root { get; } = FindRoot();

    /// <summary><c>../shared</c> beside the repository (benchmarks, tokenizer fixture); <c>AZR_SHARED_DIR</c> overrides.</summary>
    public static string Shared { get; } = Environment.GetEnvironmentVariable("AZR_SHARED_DIR") is { Length: > 0 } dir
        ? dir
        : Path.GetFullPath(Path.Combine(Root, "..", "shared"));

    public static string Benchmarks => Path.Combine(Shared, "benchmarks");

    public static string QwenTokenizer => Path.Combine(Shared, "tokenizers", "qwen2", "tokenizer.json");

    public static string Fixtures => Path.Combine(Root, "tests", "fixtures");

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "AbsoluteZero.Web.sln")))
                return dir.FullName;
        }

        throw new InvalidOperationException($"No AbsoluteZero.Web.sln above {AppContext.BaseDirectory}");
    }
}
