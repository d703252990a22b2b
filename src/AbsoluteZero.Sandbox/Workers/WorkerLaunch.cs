using System.Diagnostics;

namespace AbsoluteZero.Sandbox.Workers;

/// <summary>
/// The command line of one worker: <c>bwrap … python3 -s -c &lt;worker.py&gt;</c>, or the bare interpreter when
/// isolation is off. The host environment is never passed on: the process starts with exactly the variables below.
/// </summary>
internal static class WorkerLaunch
{
    /// <summary>The worker's only writable directory (a size-capped tmpfs, wiped after every program).</summary>
    private const string SandboxScratch = "/scratch";
    private const int ScratchBytes = 32 * 1024 * 1024;
    private const string SandboxUid = "65534";

    private static readonly string[] SystemLinks = ["/bin", "/sbin", "/lib", "/lib32", "/lib64", "/libx32"];

    // Read-only files the interpreter needs: the loader cache (extension modules) and the local time zone.
    private static readonly string[] EtcFiles = ["/etc/ld.so.cache", "/etc/localtime"];

    public static ProcessStartInfo Create(SandboxOptions options, string poolTag, string hostScratch)
    {
        var python = ResolvePython(options.PythonPath);
        var start = new ProcessStartInfo
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.Environment.Clear();
        var scratch = options.Isolation == SandboxIsolation.Bwrap ? SandboxScratch : hostScratch;
        var environment = WorkerEnvironment(scratch);
        if (options.Isolation == SandboxIsolation.Bwrap)
        {
            start.FileName = options.BwrapPath;
            foreach (var argument in BwrapArguments(python, environment))
                start.ArgumentList.Add(argument);
            start.ArgumentList.Add(python);
        }
        else
        {
            start.FileName = python;
            start.WorkingDirectory = hostScratch;
            foreach (var (name, value) in environment)
                start.Environment[name] = value;
        }

        foreach (var argument in PythonArguments(options, poolTag, scratch))
            start.ArgumentList.Add(argument);
        return start;
    }

    /// <summary>PYTHONHASHSEED fixes set and dict iteration across processes; -I/-E would ignore it, so neither is used.</summary>
    private static IReadOnlyList<(string Name, string Value)> WorkerEnvironment(string scratch) =>
    [
        ("PYTHONHASHSEED", "0"),
        ("PYTHONSAFEPATH", "1"),
        ("PYTHONDONTWRITEBYTECODE", "1"),
        ("LANG", "C.UTF-8"),
        ("TMPDIR", scratch),
    ];

    private static IEnumerable<string> PythonArguments(SandboxOptions options, string poolTag, string scratch) =>
    [
        "-s", "-c", WorkerScript.Source,
        "--scratch", scratch,
        "--output-limit", options.OutputLimitBytes.ToString(System.Globalization.CultureInfo.InvariantCulture),
        "--memory-mb", options.MemoryMb.ToString(System.Globalization.CultureInfo.InvariantCulture),
        "--pool-tag", poolTag,
    ];

    private static List<string> BwrapArguments(string python, IReadOnlyList<(string Name, string Value)> environment)
    {
        var args = new List<string>
        {
            "--unshare-all", "--unshare-user", "--disable-userns", "--die-with-parent", "--new-session",
            "--cap-drop", "ALL", "--uid", SandboxUid, "--gid", SandboxUid, "--hostname", "azr-sandbox",
            "--ro-bind", "/usr", "/usr",
        };
        foreach (var path in SystemLinks)
        {
            var info = new FileInfo(path);
            if (info.LinkTarget is { } target)
                args.AddRange(["--symlink", target, path]);
            else if (Directory.Exists(path))
                args.AddRange(["--ro-bind", path, path]);
        }

        foreach (var file in EtcFiles)
            args.AddRange(["--ro-bind-try", file, file]);
        var prefix = Path.GetDirectoryName(Path.GetDirectoryName(python));
        if (prefix is not null && prefix != "/usr" && !prefix.StartsWith("/usr/", StringComparison.Ordinal))
            args.AddRange(["--ro-bind", prefix, prefix]);
        args.AddRange([
            "--proc", "/proc", "--dev", "/dev", "--remount-ro", "/dev",
            "--size", ScratchBytes.ToString(System.Globalization.CultureInfo.InvariantCulture), "--tmpfs", SandboxScratch,
            "--symlink", SandboxScratch, "/tmp",
            "--remount-ro", "/", "--chdir", SandboxScratch, "--clearenv",
        ]);
        foreach (var (name, value) in environment)
            args.AddRange(["--setenv", name, value]);
        args.Add("--");
        return args;
    }

    /// <summary>The interpreter binary itself (symlinks followed), so its prefix can be bound when it is not under /usr.</summary>
    private static string ResolvePython(string path)
    {
        var full = Path.GetFullPath(path);
        if (!File.Exists(full))
            throw new SandboxUnavailableException($"The Python interpreter '{path}' does not exist. Install python3 (apt-get install python3) or set Sandbox:PythonPath.");
        return File.ResolveLinkTarget(full, returnFinalTarget: true)?.FullName ?? full;
    }
}
