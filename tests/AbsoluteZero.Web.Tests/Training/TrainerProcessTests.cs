using System.Collections.Concurrent;
using System.Diagnostics;
using AbsoluteZero.Web.Training;

namespace AbsoluteZero.Web.Tests.Training;

/// <summary>
/// The supervision of a training child, on real processes (Python standing in for the child's own signal handling:
/// whether it honours SIGTERM, and what it starts). The real trainer is supervised in TrainingEndToEndTests.
/// </summary>
public sealed class TrainerProcessTests
{
    [Fact]
    public async Task A_child_that_ignores_sigterm_is_killed_with_its_descendants_after_the_grace_period()
    {
        using var child = Start("""
            signal.signal(signal.SIGTERM, signal.SIG_IGN)
            children = [subprocess.Popen(["sleep", "300"]), subprocess.Popen(["sleep", "301"])]
            signal.pause()
            """);
        var descendants = await DescendantsAsync(child, count: 2);
        var stopping = Stopwatch.StartNew();
        await child.StopAsync(TimeSpan.FromSeconds(1));
        Assert.InRange(stopping.Elapsed, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(20));
        Assert.Equal(137, await child.WaitForExitAsync(CancellationToken.None));
        AssertGone(descendants);
    }

    [Fact]
    public async Task A_child_that_honours_sigterm_exits_by_itself_and_what_it_left_behind_is_killed()
    {
        using var child = Start("""
            def stop(*_):
                print("checkpointed", file=sys.stderr)
                sys.exit(3)
            signal.signal(signal.SIGTERM, stop)
            child = subprocess.Popen(["sleep", "302"])
            signal.pause()
            """);
        var descendants = await DescendantsAsync(child, count: 1);
        var stopping = Stopwatch.StartNew();
        await child.StopAsync(TimeSpan.FromSeconds(60));
        Assert.True(stopping.Elapsed < TimeSpan.FromSeconds(30), $"took {stopping.Elapsed}");
        Assert.Equal(3, await child.WaitForExitAsync(CancellationToken.None));
        Assert.Equal("checkpointed", child.StderrTail);
        // The sleep was orphaned, not killed, when its parent exited; the supervisor remembered it.
        AssertGone(descendants);
    }

    [Fact]
    public async Task A_crashing_child_reports_its_exit_and_the_tail_of_its_stderr()
    {
        var lines = new ConcurrentQueue<string>();
        using var child = Start("""
            print("step 1")
            for i in range(1, 101):
                print(f"noise {i}", file=sys.stderr)
            print("Unhandled exception: boom", file=sys.stderr)
            sys.exit(1)
            """, lines.Enqueue);
        var code = await child.WaitForExitAsync(CancellationToken.None);
        var error = TrainerProcess.DescribeFailure(code, child.StderrTail);
        Assert.StartsWith("azr train exited with code 1: ", error);
        Assert.EndsWith("Unhandled exception: boom", error);
        Assert.DoesNotContain("noise 1\n", error);
        Assert.Contains("step 1", lines);
        Assert.Equal(102, lines.Count);
    }

    [Theory]
    [InlineData(137, "azr train was killed by signal 9 (SIGKILL; out of memory, or killed by hand)")]
    [InlineData(134, "azr train was killed by signal 6 (SIGABRT)")]
    [InlineData(143, "azr train was stopped by a signal this worker did not send, after checkpointing; resume the run to continue")]
    [InlineData(2, "azr train exited with code 2")]
    [InlineData(154, "azr train exited with code 154")]
    public void Failures_say_how_the_child_ended(int exitCode, string expected) =>
        Assert.Equal(expected + " and wrote nothing to stderr", TrainerProcess.DescribeFailure(exitCode, ""));

    [Fact]
    public void Stored_error_text_has_no_characters_postgresql_refuses() =>
        Assert.Equal("azr train exited with code 1: a\uFFFDb\uFFFD😀", TrainerProcess.DescribeFailure(1, "a\0b\uD800😀"));

    private static TrainerProcess Start(string script, Action<string>? onLine = null)
    {
        var start = new ProcessStartInfo("/usr/bin/python3") { ArgumentList = { "-u", "-c", "import signal, subprocess, sys\n" + script } };
        return TrainerProcess.Start(start, onLine ?? (_ => { }));
    }

    /// <summary>Waits until the script has started its background processes, and returns them.</summary>
    private static async Task<IReadOnlyList<ProcessTree.Entry>> DescendantsAsync(TrainerProcess child, int count)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(20);
        while (true)
        {
            var sleeps = ProcessTree.DescendantsOf(child.Id).Where(p => p.Arguments.FirstOrDefault() == "sleep").ToList();
            if (sleeps.Count == count)
                return sleeps;
            Assert.True(DateTime.UtcNow < deadline, "the script's background processes never started");
            await Task.Delay(50);
        }
    }

    private static void AssertGone(IEnumerable<ProcessTree.Entry> processes)
    {
        var alive = ProcessTree.All().Where(p => processes.Any(d => d.Pid == p.Pid && d.StartTicks == p.StartTicks)).ToList();
        Assert.True(alive.Count == 0, "still running: " + string.Join("; ", alive));
    }
}
