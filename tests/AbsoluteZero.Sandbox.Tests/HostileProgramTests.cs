using System.Net;
using System.Net.Sockets;
using AbsoluteZero.Core.Execution;
using AbsoluteZero.Testing;

namespace AbsoluteZero.Sandbox.Tests;

/// <summary>
/// Programs that try to hurt the host, the pool or the next program. Most run under the benchmark policy, which skips
/// the banned-module check, so what is tested is the isolation itself, not the AST filter in front of it.
/// After each one the pool must still answer ordinary requests correctly.
/// </summary>
[Collection(SandboxCollection.Name)]
public sealed class HostileProgramTests(SandboxFixture sandbox)
{
    private const ExecutionPolicy Bare = ExecutionPolicy.Benchmark;

    [Theory]
    [InlineData("def f():\n    while True:\n        pass")]
    [InlineData("import re\ndef f():\n    return re.match(r'(?:a+)+b', 'a' * 64)")]
    [InlineData("def f():\n    return 10 ** 10 ** 10")]
    [InlineData("def f():\n    return sum(range(10 ** 13))")]
    public async Task Loops_in_python_and_in_c_are_killed_at_the_timeout(string program)
    {
        var result = await sandbox.RunAsync(program, timeoutMs: 700);
        Assert.Equal(ExecutionStatus.Timeout, result.Status);
        Assert.InRange(result.Ms, 650, 10_000); // waited for the limit, then killed (not left to run)
        await Sandbox.AssertHealthyAsync(sandbox.Pool);
    }

    [Fact]
    public async Task A_program_that_leaves_its_process_group_is_still_killed()
    {
        var program = "import os\ndef f():\n    os.setpgid(0, os.getpgid(os.getppid()))\n    while True:\n        pass";
        var result = await sandbox.RunAsync(program, policy: Bare, timeoutMs: 700);
        Assert.Equal(ExecutionStatus.Timeout, result.Status);
        Assert.InRange(result.Ms, 650, 10_000);
        await Sandbox.AssertHealthyAsync(sandbox.Pool);
    }

    [Theory]
    [InlineData("def f():\n    return len('a' * (2 ** 34))")]
    [InlineData("def f():\n    xs = []\n    while True:\n        xs.append(bytearray(2 ** 24))")]
    [InlineData("def f():\n    return len([0] * (2 ** 31))")]
    public async Task Memory_bombs_hit_the_memory_limit(string program)
    {
        // Filling 512 MiB page by page takes about a second here; the long limit keeps a busy machine from turning it into a timeout.
        var result = await sandbox.RunAsync(program, timeoutMs: 20_000);
        Assert.Equal(ExecutionStatus.Memory, result.Status);
        await Sandbox.AssertHealthyAsync(sandbox.Pool);
    }

    [Theory]
    [InlineData("import posix\ndef f():\n    return posix.fork()")]
    [InlineData("import os\ndef f():\n    return [os.fork() for _ in range(100)]")]
    [InlineData("import os\ndef f():\n    return os.execv('/usr/bin/python3', ['python3', '-c', 'print(1)'])")]
    [InlineData("import subprocess\ndef f():\n    return subprocess.run(['/usr/bin/true']).returncode")]
    [InlineData("import os\ndef f():\n    return os.posix_spawn('/usr/bin/true', ['true'], {})")]
    public async Task Creating_processes_is_refused(string program)
    {
        var result = await sandbox.RunAsync(program, policy: Bare);
        Assert.Equal(ExecutionStatus.Error, result.Status);
        Assert.Contains("PermissionError", result.Error);
        await Sandbox.AssertHealthyAsync(sandbox.Pool);
    }

    [Fact]
    public async Task System_through_the_shell_does_not_run_and_leaves_no_trace_on_the_host()
    {
        var marker = Path.Combine(Path.GetTempPath(), $"azr-escape-{Guid.NewGuid():N}");
        var result = await sandbox.RunAsync($"import os\ndef f():\n    return os.system('touch {marker}')", policy: Bare);
        Assert.Equal(ExecutionStatus.Ok, result.Status);
        Assert.NotEqual("0", result.Output);
        Assert.False(File.Exists(marker));
    }

    [Fact]
    public async Task Writes_to_host_paths_fail_and_the_host_is_unchanged()
    {
        var hostTmp = Path.Combine(Path.GetTempPath(), $"azr-write-{Guid.NewGuid():N}");
        var project = Path.Combine(RepositoryPaths.Root, $"azr-write-{Guid.NewGuid():N}");
        var targets = new[] { hostTmp, project, "/usr/azr-write", "/etc/azr-write", "/azr-write", "/dev/azr-write", "/proc/azr-write" };
        var program = $$"""
            def f(paths):
                outcomes = []
                for path in paths:
                    try:
                        with open(path, 'w') as handle:
                            handle.write('escaped')
                        outcomes.append('wrote ' + path)
                    except OSError as error:
                        outcomes.append(type(error).__name__)
                return outcomes
            """;
        var result = await sandbox.RunAsync(program, "[" + string.Join(", ", targets.Select(t => $"'{t}'")) + "]", Bare);
        Assert.Equal(ExecutionStatus.Ok, result.Status);
        Assert.DoesNotContain("wrote /usr", result.Output);
        Assert.DoesNotContain("wrote /etc", result.Output);
        Assert.DoesNotContain("wrote /azr-write", result.Output);
        Assert.DoesNotContain("wrote /dev", result.Output);
        Assert.All(targets.Where(t => !t.StartsWith("/proc", StringComparison.Ordinal)), target => Assert.False(File.Exists(target), target));
    }

    [Fact]
    public async Task The_project_home_root_and_secrets_are_not_visible()
    {
        var program = """
            import os
            def f(paths):
                return {path: os.path.exists(path) for path in paths}
            """;
        var hostTemp = Path.Combine(Path.GetTempPath(), $"azr-visible-{Guid.NewGuid():N}");
        await File.WriteAllTextAsync(hostTemp, "host");
        var paths = new[] { RepositoryPaths.Root, Path.Combine(RepositoryPaths.Root, "AbsoluteZero.Web.sln"), RepositoryPaths.Shared, "/home", "/root", "/etc/shadow", "/etc/passwd", "/var", "/run", hostTemp, "/usr/bin/python3" };
        var result = await sandbox.RunAsync(program, "[" + string.Join(", ", paths.Select(p => $"'{p}'")) + "]", Bare);
        Assert.Equal(ExecutionStatus.Ok, result.Status);
        foreach (var path in paths.SkipLast(1))
            Assert.Contains($"'{path}': False", result.Output);
        Assert.Contains("'/usr/bin/python3': True", result.Output);
        File.Delete(hostTemp);
    }

    [Fact]
    public async Task The_host_environment_is_not_readable_even_through_proc()
    {
        Assert.Equal(sandbox.Secret, Environment.GetEnvironmentVariable(SandboxFixture.SecretVariable));
        var program = """
            import os
            def f():
                seen = [repr(dict(os.environ))]
                for pid in os.listdir('/proc'):
                    try:
                        with open(f'/proc/{pid}/environ', 'rb') as handle:
                            seen.append(pid + ':' + handle.read().decode('utf-8', 'replace'))
                    except OSError as error:
                        seen.append(pid + ':' + type(error).__name__)
                return seen
            """;
        var result = await sandbox.RunAsync(program, policy: Bare, timeoutMs: 3_000);
        Assert.Equal(ExecutionStatus.Ok, result.Status);
        Assert.DoesNotContain(sandbox.Secret, result.Output);
        Assert.DoesNotContain(SandboxFixture.SecretVariable, result.Output);
        Assert.Contains("PYTHONHASHSEED", result.Output);
        Assert.Contains("PermissionError", result.Output); // the worker's own /proc entries are closed to its children
    }

    [Fact]
    public async Task Only_the_sandbox_processes_are_visible()
    {
        var result = await sandbox.RunAsync("import os\ndef f():\n    return sorted(int(p) for p in os.listdir('/proc') if p.isdigit())", policy: Bare);
        Assert.Equal(ExecutionStatus.Ok, result.Status);
        var pids = result.Output!.Trim('[', ']').Split(", ").Select(int.Parse).ToList();
        Assert.Equal(4, pids.Count); // bwrap's init, the worker, its fork server, the program itself
        Assert.Equal([1, 2], pids.Take(2));
    }

    [Fact]
    public async Task No_connection_reaches_a_port_the_host_listens_on()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        var program = $$"""
            import socket
            def f():
                outcomes = []
                for host in ('127.0.0.1', '10.0.2.2', '8.8.8.8'):
                    try:
                        socket.create_connection((host, {{port}}), timeout=0.5).close()
                        outcomes.append('connected ' + host)
                    except OSError as error:
                        outcomes.append(type(error).__name__)
                return outcomes
            """;
        var result = await sandbox.RunAsync(program, policy: Bare);
        Assert.Equal(ExecutionStatus.Ok, result.Status);
        Assert.DoesNotContain("connected", result.Output);
        await Task.Delay(200);
        Assert.False(listener.Pending());
    }

    [Theory]
    [InlineData("import os, signal\ndef f():\n    os.kill(os.getppid(), signal.SIGKILL)")]
    [InlineData("import os, signal\ndef f():\n    os.kill(-1, signal.SIGKILL)")]
    [InlineData("import os, signal\ndef f():\n    os.kill(1, signal.SIGKILL)")]
    [InlineData("import os, signal\ndef f():\n    os.killpg(os.getpgid(os.getppid()), signal.SIGKILL)")]
    [InlineData("import os, signal\ndef f():\n    signal.pidfd_send_signal(os.pidfd_open(os.getppid()), signal.SIGKILL)")]
    [InlineData("import os, fcntl\ndef f():\n    r, w = os.pipe()\n    fcntl.fcntl(r, fcntl.F_SETOWN, os.getppid())")]
    [InlineData("import resource, os\ndef f():\n    resource.prlimit(os.getppid(), resource.RLIMIT_AS, (1, 1))")]
    [InlineData("import os\ndef f():\n    os.setpriority(os.PRIO_PROCESS, os.getppid(), 19)")]
    public async Task The_worker_cannot_be_signalled_or_limited_by_its_child(string program)
    {
        var result = await sandbox.RunAsync(program, policy: Bare);
        Assert.Equal(ExecutionStatus.Error, result.Status);
        Assert.Contains("PermissionError", result.Error);
        Assert.Equal(SandboxFixture.TestOptions.Workers, sandbox.Pool.LiveWorkers);
        await Sandbox.AssertHealthyAsync(sandbox.Pool);
    }

    [Fact]
    public async Task A_program_may_signal_itself()
    {
        var result = await sandbox.RunAsync("import os, signal\ndef f():\n    os.kill(os.getpid(), signal.SIGTERM)", policy: Bare);
        Assert.Equal(ExecutionStatus.Error, result.Status);
        Assert.Contains("SIGTERM", result.Error);
    }

    [Fact]
    public async Task A_segfault_is_an_error_naming_the_signal()
    {
        var result = await sandbox.RunAsync("import ctypes\ndef f():\n    return ctypes.string_at(0)", policy: Bare);
        Assert.Equal(ExecutionStatus.Error, result.Status);
        Assert.Contains("SIGSEGV", result.Error);
        await Sandbox.AssertHealthyAsync(sandbox.Pool);
    }

    [Fact]
    public async Task Nothing_a_program_changes_is_seen_by_the_next_one()
    {
        var poison = """
            import builtins, math, sys, os
            def f():
                builtins.len = lambda x: 42
                builtins.sorted = None
                math.pi = 3
                sys.modules['collections'] = None
                with open('left-behind.txt', 'w') as handle:
                    handle.write('x')
                os.mkdir('/tmp/dir')
                os.chmod('/tmp', 0)
                return len([1])
            """;
        var check = """
            import math, os, collections
            def f():
                return len([1, 2]), sorted([2, 1]), math.pi, os.listdir('.'), os.listdir('/tmp'), collections.Counter('aa')['a']
            """;
        for (var round = 0; round < 4; round++)
        {
            var poisoned = await sandbox.RunAsync(poison, policy: Bare);
            Assert.Equal("42", poisoned.Output);
        }

        var requests = Enumerable.Range(0, 6).Select(_ => new ExecutionRequest(check, "") { Policy = Bare }).ToList();
        foreach (var result in await sandbox.Pool.ExecuteAsync(requests))
        {
            Assert.Equal(ExecutionStatus.Ok, result.Status);
            Assert.Equal("(2, [1, 2], 3.141592653589793, [], [], 2)", result.Output);
        }
    }

    [Fact]
    public async Task Huge_prints_are_discarded_and_huge_returns_are_refused()
    {
        var print = await sandbox.RunAsync("def f():\n    for _ in range(200):\n        print('x' * 1_000_000)\n    return 'done'");
        Assert.Equal(ExecutionStatus.Ok, print.Status);
        Assert.Equal("'done'", print.Output);

        var huge = await sandbox.RunAsync("def f():\n    return list(range(10 ** 6))");
        Assert.Equal(ExecutionStatus.OutputTooLarge, huge.Status);
        Assert.Contains("over the 65536-byte limit", huge.Error);

        var forged = await sandbox.RunAsync("import os\ndef f():\n    os.write(3, b'x' * 10_000_000)\n    return 1", policy: Bare);
        Assert.Equal(ExecutionStatus.OutputTooLarge, forged.Status);
        await Sandbox.AssertHealthyAsync(sandbox.Pool);
    }

    [Fact]
    public async Task A_program_that_exits_or_corrupts_its_result_channel_gets_an_error()
    {
        var exited = await sandbox.RunAsync("import os\ndef f():\n    os._exit(3)", policy: Bare);
        Assert.Equal(ExecutionStatus.Error, exited.Status);
        Assert.Contains("exited with code 3", exited.Error);

        var systemExit = await sandbox.RunAsync("def f():\n    exit(0)");
        Assert.Equal(ExecutionStatus.Error, systemExit.Status);
        Assert.StartsWith("SystemExit", systemExit.Error);

        var corrupt = await sandbox.RunAsync("import os\ndef f():\n    os.write(3, b'garbage')\n    os._exit(0)", policy: Bare);
        Assert.Equal(ExecutionStatus.Error, corrupt.Status);
        Assert.Contains("corrupted its result channel", corrupt.Error);
    }

    [Fact]
    public async Task Recursion_and_nesting_bombs_end_cleanly()
    {
        var recursion = await sandbox.RunAsync("def f(n):\n    return f(n + 1)", "0");
        Assert.Equal(ExecutionStatus.Error, recursion.Status);
        Assert.StartsWith("RecursionError", recursion.Error);

        var nested = await sandbox.RunAsync("def f(x):\n    return x", new string('(', 5000) + "1" + new string(')', 5000));
        Assert.Equal(ExecutionStatus.Syntax, nested.Status);

        // Past the recursion limit the C stack overflows: the child dies of SIGSEGV, the worker does not.
        var deep = await sandbox.RunAsync("import sys\nsys.setrecursionlimit(10 ** 8)\ndef f(n):\n    x = []\n    for _ in range(n):\n        x = [x]\n    return len(repr(x))", "10 ** 6", Bare);
        Assert.Equal(ExecutionStatus.Error, deep.Status);
        Assert.Contains("SIGSEGV", deep.Error);
        await Sandbox.AssertHealthyAsync(sandbox.Pool);
    }

    [Fact]
    public async Task Disk_filling_stops_at_the_scratch_size_and_is_wiped_afterwards()
    {
        var fill = """
            def f():
                written = 0
                try:
                    for i in range(1000):
                        with open(f'/tmp/blob{i}', 'wb') as handle:
                            handle.write(b'x' * (8 << 20))
                        written += 1
                except OSError as error:
                    return written, type(error).__name__
            """;
        var result = await sandbox.RunAsync(fill, policy: Bare);
        Assert.Equal(ExecutionStatus.Ok, result.Status);
        Assert.Matches(@"^\([0-9], 'OSError'\)$", result.Output);
        var after = await sandbox.RunAsync("import os\ndef f():\n    return os.listdir('/tmp')", policy: Bare);
        Assert.Equal("[]", after.Output);
    }
}
