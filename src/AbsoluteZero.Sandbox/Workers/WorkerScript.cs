namespace AbsoluteZero.Sandbox.Workers;

/// <summary>The Python side of the pool (Python/worker.py), shipped inside this assembly and passed with <c>-c</c>.</summary>
internal static class WorkerScript
{
    public static string Source { get; } = Load();

    private static string Load()
    {
        using var stream = typeof(WorkerScript).Assembly.GetManifestResourceStream("AbsoluteZero.Sandbox.worker.py")
            ?? throw new InvalidOperationException("worker.py is not embedded in AbsoluteZero.Sandbox");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
