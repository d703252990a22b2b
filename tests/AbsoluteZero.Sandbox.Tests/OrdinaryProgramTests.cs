using System.Diagnostics;
using AbsoluteZero.Core.Execution;

namespace AbsoluteZero.Sandbox.Tests;

[Collection(SandboxCollection.Name)]
public sealed class OrdinaryProgramTests(SandboxFixture sandbox)
{
    [Theory]
    [InlineData("def f(x):\n    return {3, 1, 2} | {x}", "7", "{1, 2, 3, 7}")]
    [InlineData("def f(d):\n    return {k: v * 2 for k, v in d.items()}", "{'b': 1, 'a': 2}", "{'b': 2, 'a': 4}")]
    [InlineData("def f(x):\n    return x / 3, 0.1 + 0.2, float('inf'), -0.0", "1", "(0.3333333333333333, 0.30000000000000004, inf, -0.0)")]
    [InlineData("def f(s):\n    return s[::-1] + 'é✓'", "'日本'", "'本日é✓'")]
    [InlineData("class Point:\n    def __init__(self, x):\n        self.x = x\n    def __repr__(self):\n        return f'Point({self.x})'\n\ndef f(n):\n    return [Point(i) for i in range(n)]", "2", "[Point(0), Point(1)]")]
    [InlineData("def helper(n):\n    return n * n\n\ndef f(*xs, scale=1):\n    return sum(helper(x) for x in xs) * scale", "1, 2, 3, scale=2", "28")]
    [InlineData("def f(x):\n    return x", "[1, 2]  # a trailing comment is fine", "[1, 2]")]
    [InlineData("def f():\n    return None", "", "None")]
    [InlineData("def f(b):\n    return b + bytes([0, 255])", "b'a'", "b'a\\x00\\xff'")]
    public async Task Returns_the_exact_repr(string program, string input, string expected)
    {
        var result = await sandbox.RunAsync(program, input, check: ExecutionCheck.Validate);
        Assert.Equal(ExecutionStatus.Ok, result.Status);
        Assert.Equal(expected, result.Output);
        Assert.Null(result.Error);
    }

    [Theory]
    [InlineData("import math\ndef f(x):\n    return math.gcd(x, 12), math.isqrt(x)", "18", "(6, 4)")]
    [InlineData("from collections import Counter, deque\ndef f(s):\n    return sorted(Counter(s).items()), deque([1])", "'abca'", "([('a', 2), ('b', 1), ('c', 1)], deque([1]))")]
    [InlineData("import itertools, functools\ndef f(n):\n    return list(itertools.permutations(range(n))), functools.reduce(lambda a, b: a * b, range(1, n + 1))", "2", "([(0, 1), (1, 0)], 2)")]
    [InlineData("import heapq\ndef f(xs):\n    heapq.heapify(xs)\n    return [heapq.heappop(xs) for _ in range(len(xs))]", "[5, 1, 4]", "[1, 4, 5]")]
    [InlineData("import re\ndef f(s):\n    return re.findall(r'\\d+', s)", "'a1b22'", "['1', '22']")]
    [InlineData("import string\ndef f(s):\n    return [c for c in s if c in string.ascii_lowercase]", "'aB c'", "['a', 'c']")]
    [InlineData("from fractions import Fraction\nfrom decimal import Decimal\ndef f(a, b):\n    return Fraction(a, b), Decimal(a) / Decimal(b)", "1, 4", "(Fraction(1, 4), Decimal('0.25'))")]
    [InlineData("import json\nimport bisect\ndef f(xs):\n    return json.dumps(xs), bisect.bisect_left(xs, 2)", "[1, 2, 3]", "('[1, 2, 3]', 1)")]
    [InlineData("from dataclasses import dataclass\n@dataclass\nclass P:\n    x: int\ndef f(x):\n    return P(x)", "3", "P(x=3)")]
    public async Task Allowed_standard_library_imports_work(string program, string input, string expected)
    {
        var result = await sandbox.RunAsync(program, input);
        Assert.Equal(ExecutionStatus.Ok, result.Status);
        Assert.Equal(expected, result.Output);
    }

    [Fact]
    public async Task Set_and_dict_order_is_the_same_in_every_worker_and_matches_python_with_hash_seed_zero()
    {
        const string program = "def f(words):\n    return set(words), {w: len(w) for w in set(words)}";
        const string input = "['apple', 'banana', 'cherry', 'date', 'elderberry', 'fig', 'grape']";
        var requests = Enumerable.Range(0, 12).Select(_ => new ExecutionRequest(program, input)).ToList();
        var results = await sandbox.Pool.ExecuteAsync(requests);
        Assert.All(results, result => Assert.Equal(ExecutionStatus.Ok, result.Status));
        Assert.Single(results.Select(result => result.Output).Distinct());
        Assert.Equal(await HostPythonAsync(program + $"\nprint(repr(f({input})))"), results[0].Output);
    }

    [Fact]
    public async Task An_exception_gives_its_type_and_message()
    {
        var result = await sandbox.RunAsync("def f(x):\n    return x / 0", "1");
        Assert.Equal(ExecutionStatus.Error, result.Status);
        Assert.Equal("ZeroDivisionError: division by zero", result.Error);
        Assert.Null(result.Output);

        var custom = await sandbox.RunAsync("class Boom(Exception):\n    pass\ndef f():\n    raise Boom('bad')");
        Assert.Equal("Boom: bad", custom.Error);
        var missing = await sandbox.RunAsync("def g():\n    return 1");
        Assert.Equal("NameError: name 'f' is not defined", missing.Error);
    }

    [Theory]
    [InlineData("def f(x)\n    return x", "1", "program line 1")]
    [InlineData("def f(x):\n    return x", "1,,", "input")]
    [InlineData("def f(x):\n    return x", "0) if False else (True", "exactly one call")]
    [InlineData("def f(x):\n    return x", "1)#", "input")]
    [InlineData("def f(x):\n    return x", "1)(2", "exactly one call")]
    [InlineData("def f(x):\n    return x", "1); import os; (1", "input")]
    public async Task Syntax_errors_and_inputs_that_are_not_one_argument_list_are_refused(string program, string input, string reason)
    {
        var result = await sandbox.RunAsync(program, input);
        Assert.Equal(ExecutionStatus.Syntax, result.Status);
        Assert.Contains(reason, result.Error);
    }

    [Fact]
    public async Task Validate_flags_a_program_whose_two_runs_differ()
    {
        var result = await sandbox.RunAsync("def f():\n    return open('/dev/urandom', 'rb').read(8)", check: ExecutionCheck.Validate);
        Assert.Equal(ExecutionStatus.Nondeterministic, result.Status);
        Assert.StartsWith("b", result.Output);
        Assert.Contains("second run returned", result.Error);

        var counter = await sandbox.RunAsync("calls = []\ndef f():\n    calls.append(1)\n    return len(calls)", check: ExecutionCheck.Validate);
        Assert.Equal(ExecutionStatus.Ok, counter.Status);
        Assert.Equal("1", counter.Output);
    }

    [Fact]
    public async Task Run_mode_does_not_check_determinism()
    {
        var result = await sandbox.RunAsync("def f():\n    return open('/dev/urandom', 'rb').read(8)");
        Assert.Equal(ExecutionStatus.Ok, result.Status);
    }

    [Fact]
    public async Task A_repr_over_the_transport_limit_is_output_too_large_and_one_under_it_is_returned()
    {
        var limit = SandboxFixture.TestOptions.OutputLimitBytes;
        var over = await sandbox.RunAsync("def f(n):\n    return 'x' * n", $"{limit}");
        Assert.Equal(ExecutionStatus.OutputTooLarge, over.Status);
        Assert.Null(over.Output);
        var under = await sandbox.RunAsync("def f(n):\n    return 'x' * n", $"{limit - 2}");
        Assert.Equal(ExecutionStatus.Ok, under.Status);
        Assert.Equal(limit, under.Output!.Length);
    }

    [Fact]
    public async Task A_batch_comes_back_in_request_order()
    {
        var requests = Enumerable.Range(0, 40).Select(i => new ExecutionRequest("def f(i):\n    return i * i", $"{i}")).ToList();
        var results = await sandbox.Pool.ExecuteAsync(requests);
        Assert.Equal(Enumerable.Range(0, 40).Select(i => $"{i * i}"), results.Select(result => result.Output));
        Assert.All(results, result => Assert.True(result.Ms > 0));
    }

    [Fact]
    public async Task Large_programs_with_large_answers_do_not_stall_the_pipes()
    {
        // 300 KB of program text and 60 KB answers, several per worker: both pipes fill up at once.
        var data = string.Join(", ", Enumerable.Range(0, 50_000).Select(i => $"{i % 97}"));
        var program = $"DATA = [{data}]\ndef f(k):\n    return 'x' * (60_000 + k) + str(sum(DATA))";
        var requests = Enumerable.Range(0, 8).Select(k => new ExecutionRequest(program, $"{k}") { Policy = ExecutionPolicy.Benchmark }).ToList();
        var results = await sandbox.Pool.ExecuteAsync(requests);
        var sum = Enumerable.Range(0, 50_000).Sum(i => i % 97);
        for (var k = 0; k < results.Count; k++)
            Assert.Equal($"'{new string('x', 60_000 + k)}{sum}'", results[k].Output);
    }

    [Fact]
    public async Task Benchmark_harnesses_may_use_sys_time_signal_threads_and_hashlib()
    {
        const string harness = """
            import sys, time, signal, threading, hashlib
            def solution(x):
                return x * 2
            def f(cases):
                def on_alarm(signum, frame):
                    raise TimeoutError("case took too long")
                signal.signal(signal.SIGALRM, on_alarm)
                passed = []
                for case in cases:
                    signal.setitimer(signal.ITIMER_REAL, 0.2)
                    try:
                        if case < 0:
                            while True:
                                pass
                        passed.append(solution(case) == case * 2)
                    except TimeoutError:
                        passed.append(False)
                    finally:
                        signal.setitimer(signal.ITIMER_REAL, 0)
                worker = threading.Thread(target=lambda: passed.append(sys.getrecursionlimit() > 0))
                worker.start()
                worker.join()
                return passed, hashlib.sha256(b"a").hexdigest()[:8], time.time() > 0
            """;
        var result = await sandbox.RunAsync(harness, "[1, -1, 2]", ExecutionPolicy.Benchmark, timeoutMs: 5_000);
        Assert.Equal(ExecutionStatus.Ok, result.Status);
        Assert.Equal("([True, False, True, True], 'ca978112', True)", result.Output);
    }

    private static async Task<string> HostPythonAsync(string code)
    {
        var start = new ProcessStartInfo("/usr/bin/python3", ["-c", code]) { RedirectStandardOutput = true };
        start.Environment["PYTHONHASHSEED"] = "0";
        using var process = Process.Start(start)!;
        var output = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        return output.TrimEnd('\n');
    }
}
