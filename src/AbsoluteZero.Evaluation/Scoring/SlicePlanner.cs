using AbsoluteZero.Evaluation.Benchmarks.CodeSets;

namespace AbsoluteZero.Evaluation.Scoring;

/// <summary>A contiguous run of a task's inputs that one sandbox request handles.</summary>
public readonly record struct InputSlice(int Start, int Count)
{
    public int End => Start + Count;
}

/// <summary>
/// Cuts a task's inputs into slices: small enough that one request's source stays modest, its expected outputs fit
/// in memory and its canonical time is short (so a slow task spreads over several workers); large enough that the
/// per-request cost (loading both programs) stays negligible.
/// </summary>
public static class SlicePlanner
{
    public const int MaxInputs = 1000;
    public const int MaxSourceChars = 128 * 1024;
    public const double MaxCanonicalSeconds = 1.0;
    public const long MaxExpectedBytes = 64L * 1024 * 1024;

    public static IReadOnlyList<InputSlice> ForScoring(IReadOnlyList<TestInput> inputs, IReadOnlyList<ReferenceCase> cases) =>
        Cut(inputs, MaxInputs, i => cases[i].Seconds, i => cases[i].Bytes);

    public static IReadOnlyList<InputSlice> ForReference(IReadOnlyList<TestInput> inputs) =>
        Cut(inputs, MaxInputs, _ => 0, _ => 0);

    private static List<InputSlice> Cut(IReadOnlyList<TestInput> inputs, int maxInputs, Func<int, double> seconds, Func<int, long> bytes)
    {
        var slices = new List<InputSlice>();
        var start = 0;
        var chars = 0;
        var time = 0.0;
        var size = 0L;
        for (var i = 0; i < inputs.Count; i++)
        {
            var count = i - start;
            var full = count >= maxInputs || chars + inputs[i].Transport.Length > MaxSourceChars
                       || time + seconds(i) > MaxCanonicalSeconds || size + bytes(i) > MaxExpectedBytes;
            if (count > 0 && full)
            {
                slices.Add(new InputSlice(start, count));
                (start, chars, time, size) = (i, 0, 0.0, 0L);
            }

            chars += inputs[i].Transport.Length;
            time += seconds(i);
            size += bytes(i);
        }

        if (inputs.Count > start)
            slices.Add(new InputSlice(start, inputs.Count - start));
        return slices;
    }
}
