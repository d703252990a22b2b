namespace AbsoluteZero.Evaluation.Benchmarks.MathSets;

/// <summary>A benchmark data file that cannot be read as its benchmark's rows; the message names file and line.</summary>
public sealed class BenchmarkDataException(string file, int line, string problem)
    : Exception(line > 0 ? $"{file}:{line}: {problem}" : $"{file}: {problem}")
{
    public string File { get; } = file;

    /// <summary>One-based line number; 0 when the problem concerns the whole file.</summary>
    public int Line { get; } = line;
}
