using AbsoluteZero.Sandbox.Workers;

namespace AbsoluteZero.Sandbox;

/// <summary>What the pool tells operators when it refuses to start or runs without isolation.</summary>
internal static class SandboxMessages
{
    private static readonly HashSet<string> ExpectedEnvironment =
        ["PYTHONHASHSEED", "PYTHONSAFEPATH", "PYTHONDONTWRITEBYTECODE", "LANG", "TMPDIR", "PWD", "LC_CTYPE"];

    public const string UnsandboxedWarning =
        "WARNING: the Python sandbox is running WITHOUT isolation (Sandbox:Isolation=none). Model-written programs run " +
        "as this user, can read its files and reach the network; only rlimits and the seccomp filter of each child apply. " +
        "Use this only on a disposable machine where bwrap cannot create namespaces.";

    private const string Fix =
        "Fix: install bubblewrap (apt-get install bubblewrap) and allow unprivileged user namespaces " +
        "(sysctl -w kernel.unprivileged_userns_clone=1 on Debian kernels; user.max_user_namespaces must be above 0; " +
        "on Ubuntu 23.10+ sysctl -w kernel.apparmor_restrict_unprivileged_userns=0). In a container, run it with " +
        "--security-opt seccomp=unconfined --security-opt apparmor=unconfined (or --privileged). " +
        "To run model-written code without any isolation (unsafe), set Sandbox:Isolation=none (azr exec --isolation none).";

    public static string CannotStart(SandboxOptions options, string why, bool missingProgram)
    {
        if (options.Isolation == SandboxIsolation.None)
            return $"The Python sandbox cannot start: {why}. Check Sandbox:PythonPath ({options.PythonPath}).";
        var what = missingProgram
            ? $"bwrap ('{options.BwrapPath}') or the interpreter could not be found: {why}"
            : $"bwrap could not create the sandbox: {why}";
        return $"The Python sandbox refuses to start: {what}. {Fix}";
    }

    public static string NotIsolated(IReadOnlyList<string> gaps) =>
        $"The Python sandbox refuses to start: bwrap ran, but the worker is not isolated as expected ({string.Join("; ", gaps)}). {Fix}";

    /// <summary>What the worker's own report says is missing from the isolation bwrap was asked for.</summary>
    public static IReadOnlyList<string> IsolationGaps(WorkerHello hello)
    {
        var gaps = new List<string>();
        if (hello.Uid != 65534)
            gaps.Add($"it runs as uid {hello.Uid}, not 65534");
        if (hello.Network.Any(name => name != "lo"))
            gaps.Add($"it sees network interfaces {string.Join(", ", hello.Network)}");
        if (hello.Environment.FirstOrDefault(name => !ExpectedEnvironment.Contains(name)) is { } leaked)
            gaps.Add($"it sees the environment variable {leaked}");
        if (hello.Hostname != "azr-sandbox")
            gaps.Add($"it sees the host name {hello.Hostname}");
        return gaps;
    }
}
