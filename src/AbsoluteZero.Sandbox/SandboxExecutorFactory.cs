namespace AbsoluteZero.Sandbox;

/// <summary>
/// How every host gets an executor: the CLI (<c>azr exec</c>), the trainer, evaluation and the web host all call this.
/// </summary>
public static class SandboxExecutorFactory
{
    /// <summary>
    /// Starts a pool and proves the sandbox works (a real bwrap probe). Throws <see cref="SandboxUnavailableException"/>
    /// saying why and how to fix it when bwrap cannot isolate programs, unless <see cref="SandboxOptions.Isolation"/>
    /// is <see cref="SandboxIsolation.None"/>, which is warned about through <paramref name="log"/> on every start.
    /// </summary>
    /// <param name="log">Receives warnings and worker restarts; standard error when omitted.</param>
    public static Task<SandboxPool> StartAsync(SandboxOptions options, Action<string>? log = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.Validate() is { Count: > 0 } errors)
            throw new ArgumentException($"invalid sandbox options: {string.Join("; ", errors)}", nameof(options));
        return SandboxPool.StartAsync(options, log ?? Console.Error.WriteLine, cancellationToken);
    }
}
