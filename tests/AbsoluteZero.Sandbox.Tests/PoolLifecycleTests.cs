using System.Diagnostics;
using AbsoluteZero.Core.Execution;

namespace AbsoluteZero.Sandbox.Tests;

/// <summary>Pools of their own: start, worker death and replacement, cancellation, disposal without leftovers.</summary>
[System.Runtime.Versioning.SupportedOSPlatform("linux")]
public sealed class PoolLifecycleTests
{
    private static readonly SandboxOptions Small = SandboxFixture.TestOptions with { Workers = 2 };

    [Fact]
    public async Task Disposing_leaves_no_process_behind_even_with_programs_running()
    {
        var pool = await SandboxExecutorFactory.StartAsync(Small);
        Assert.NotEmpty(PoolProcesses(pool.Tag));
        var running = pool.ExecuteAsync([
            new ExecutionRequest("def f():\n    while True:\n        pass", ""),
            new ExecutionRequest("def f():\n    return 10 ** 10 ** 10", ""),
            new ExecutionRequest("def f():\n    return 1", ""),
        ]);
        await Task.Delay(300);
        await pool.DisposeAsync();
        await Assert.ThrowsAnyAsync<Exception>(() => running);
        Assert.Empty(PoolProcesses(pool.Tag));
        Assert.Empty(StrayPythonAndBwrap(pool.Tag));
        await Assert.ThrowsAsync<ObjectDisposedException>(() => pool.ExecuteAsync([new ExecutionRequest("def f():\n    return 1", "")]));
    }

    [Fact]
    public async Task A_worker_killed_from_outside_is_replaced_and_only_its_running_request_fails()
    {
        await using var pool = await SandboxExecutorFactory.StartAsync(Small with { Workers = 1 });
        var sleeper = new ExecutionRequest("import time\ndef f():\n    time.sleep(5)\n    return 1", "") { Policy = ExecutionPolicy.Benchmark };
        var queued = Enumerable.Range(0, 3).Select(i => new ExecutionRequest("def f(i):\n    return i + 1", $"{i}")).ToList();
        var batch = pool.ExecuteAsync([sleeper, .. queued]);
        await Task.Delay(500);
        var processes = PoolProcesses(pool.Tag);
        var bwrap = processes.Where(process => process.Command.StartsWith("bwrap", StringComparison.Ordinal)).Select(process => process.Pid).ToHashSet();
        var worker = processes.Single(process => process.Command.StartsWith("/usr/bin/python3", StringComparison.Ordinal) && bwrap.Contains(ParentPid(process.Pid)));
        Process.GetProcessById(worker.Pid).Kill();

        var results = await batch;
        Assert.Equal(ExecutionStatus.Error, results[0].Status);
        Assert.Contains("sandbox worker died", results[0].Error);
        Assert.Equal(["1", "2", "3"], results.Skip(1).Select(result => result.Output));
        Assert.Equal(1, pool.LiveWorkers);
        await Sandbox.AssertHealthyAsync(pool);
    }

    [Fact]
    public async Task Cancelling_a_batch_stops_waiting_and_the_pool_keeps_serving()
    {
        await using var pool = await SandboxExecutorFactory.StartAsync(Small with { Workers = 1 });
        using var cancel = new CancellationTokenSource(300);
        var slow = Enumerable.Range(0, 5).Select(_ => new ExecutionRequest("def f():\n    while True:\n        pass", "") { TimeoutMs = 1_000 }).ToList();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => pool.ExecuteAsync(slow, cancel.Token));
        var stopwatch = Stopwatch.StartNew();
        await Sandbox.AssertHealthyAsync(pool);
        Assert.True(stopwatch.Elapsed < TimeSpan.FromSeconds(8), "cancelled jobs that had not started must not run");
    }

    [Fact]
    public async Task Without_bwrap_the_pool_refuses_to_start_and_says_how_to_fix_it()
    {
        var missing = Small with { BwrapPath = "/nonexistent/bwrap" };
        var refused = await Assert.ThrowsAsync<SandboxUnavailableException>(() => SandboxExecutorFactory.StartAsync(missing));
        Assert.Contains("apt-get install bubblewrap", refused.Message);
        Assert.Contains("Sandbox:Isolation=none", refused.Message);
    }

    [Fact]
    public async Task When_namespaces_are_denied_the_pool_refuses_to_start()
    {
        // A real bwrap, started under a seccomp filter that refuses to create namespaces (as in some containers).
        var wrapper = Path.Combine(Path.GetTempPath(), $"azr-no-userns-{Guid.NewGuid():N}.sh");
        await File.WriteAllTextAsync(wrapper, NoNamespacesWrapper);
        File.SetUnixFileMode(wrapper, UnixFileMode.UserRead | UnixFileMode.UserExecute);
        try
        {
            var refused = await Assert.ThrowsAsync<SandboxUnavailableException>(() => SandboxExecutorFactory.StartAsync(Small with { BwrapPath = wrapper }));
            Assert.Contains("bwrap could not create the sandbox", refused.Message);
            Assert.Contains("unprivileged_userns_clone", refused.Message);
        }
        finally
        {
            File.Delete(wrapper);
        }
    }

    [Fact]
    public async Task Unsandboxed_mode_works_only_when_asked_for_and_warns_on_every_start()
    {
        var log = new List<string>();
        await using (var pool = await SandboxExecutorFactory.StartAsync(Small with { Isolation = SandboxIsolation.None, Workers = 1 }, log.Add))
        {
            var result = await Sandbox.RunAsync(pool, "def f(x):\n    return x * 2", "21");
            Assert.Equal("42", result.Output);
            var fork = await Sandbox.RunAsync(pool, "import os\ndef f():\n    return os.fork()", policy: ExecutionPolicy.Benchmark);
            Assert.Contains("PermissionError", fork.Error);
        }

        Assert.Contains(log, line => line.Contains("WITHOUT isolation", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Invalid_options_and_requests_are_refused_with_the_field_named()
    {
        var options = await Assert.ThrowsAsync<ArgumentException>(() => SandboxExecutorFactory.StartAsync(Small with { TimeoutMs = 0, MemoryMb = 1 }));
        Assert.Contains("timeout_ms", options.Message);
        Assert.Contains("memory_mb", options.Message);
        await using var pool = await SandboxExecutorFactory.StartAsync(Small with { Workers = 1 });
        var request = await Assert.ThrowsAsync<ArgumentException>(() => pool.ExecuteAsync([new ExecutionRequest("def f(): return 1", "") { TimeoutMs = -5 }]));
        Assert.Contains("request 0", request.Message);
    }

    /// <summary>bwrap as it behaves where user namespaces are refused; the filter is installed by Python's ctypes.</summary>
    private const string NoNamespacesWrapper = """
        #!/bin/sh
        exec /usr/bin/python3 -c '
        import ctypes, struct, os, sys
        libc = ctypes.CDLL(None)
        # BPF: unshare (272) and clone (56) with CLONE_NEWUSER (0x10000000) fail with EPERM, clone3 (435) with ENOSYS.
        words = [(0x20,0,0,0),(0x15,0,1,272),(0x06,0,0,0x50001),(0x15,0,1,435),(0x06,0,0,0x50026),
                 (0x15,0,3,56),(0x20,0,0,16),(0x45,0,1,0x10000000),(0x06,0,0,0x50001),(0x06,0,0,0x7fff0000)]
        raw = ctypes.create_string_buffer(b"".join(struct.pack("HBBI", *w) for w in words))
        class Prog(ctypes.Structure):
            _fields_ = [("len", ctypes.c_ushort), ("filter", ctypes.c_void_p)]
        prog = Prog(len(words), ctypes.addressof(raw))
        assert libc.prctl(38, 1, 0, 0, 0) == 0 and libc.prctl(22, 2, ctypes.byref(prog), 0, 0) == 0
        os.execv("/usr/bin/bwrap", ["bwrap"] + sys.argv[1:])
        ' "$@"
        """;

    private static List<(int Pid, string Command)> PoolProcesses(string tag) =>
        AllProcesses().Where(process => process.Command.Contains(tag, StringComparison.Ordinal)).ToList();

    /// <summary>Any bwrap or python of this pool, found by tag; anything left here would be a leak.</summary>
    private static List<(int Pid, string Command)> StrayPythonAndBwrap(string tag) =>
        PoolProcesses(tag).Where(process => process.Command.Contains("python", StringComparison.Ordinal) || process.Command.Contains("bwrap", StringComparison.Ordinal)).ToList();

    private static int ParentPid(int pid) =>
        int.Parse(File.ReadAllLines($"/proc/{pid}/status").Single(line => line.StartsWith("PPid:", StringComparison.Ordinal))[5..].Trim());

    private static IEnumerable<(int Pid, string Command)> AllProcesses()
    {
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(dir), out var pid))
                continue;
            string command;
            try
            {
                command = File.ReadAllText(Path.Combine(dir, "cmdline")).Replace('\0', ' ');
            }
            catch (IOException)
            {
                continue;
            }
            catch (UnauthorizedAccessException)
            {
                continue;
            }

            if (command.Length > 0)
                yield return (pid, command);
        }
    }
}
