using AbsoluteZero.Core.Execution;

namespace AbsoluteZero.Sandbox.Tests;

/// <summary>The azr policy's checks, on the program and on the input: every import form, the builtin input(), escape gadgets.</summary>
[Collection(SandboxCollection.Name)]
public sealed class AzrPolicyTests(SandboxFixture sandbox)
{
    [Theory]
    [InlineData("import os\ndef f():\n    return 1", "'os'")]
    [InlineData("import os.path\ndef f():\n    return 1", "'os'")]
    [InlineData("import collections, random\ndef f():\n    return 1", "'random'")]
    [InlineData("from os import path\ndef f():\n    return 1", "'os'")]
    [InlineData("from os.path import join as j\ndef f():\n    return 1", "'os'")]
    [InlineData("from datetime import date\ndef f():\n    return 1", "'datetime'")]
    [InlineData("def f():\n    import time\n    return time.time()", "'time'")]
    [InlineData("def f():\n    from importlib import import_module\n    return import_module('math')", "'importlib'")]
    [InlineData("import importlib.util\ndef f():\n    return 1", "'importlib'")]
    [InlineData("import builtins\ndef f():\n    return 1", "'builtins'")]
    [InlineData("import _thread\ndef f():\n    return 1", "'_thread'")]
    [InlineData("import subprocess as sp\ndef f():\n    return 1", "'subprocess'")]
    [InlineData("import ctypes\ndef f():\n    return 1", "'ctypes'")]
    [InlineData("import posix\ndef f():\n    return 1", "'posix'")]
    [InlineData("import signal\ndef f():\n    return 1", "'signal'")]
    [InlineData("from multiprocessing import Pool\ndef f():\n    return 1", "'multiprocessing'")]
    [InlineData("import hashlib\ndef f():\n    return 1", "'hashlib'")]
    [InlineData("import pickle\ndef f():\n    return 1", "'pickle'")]
    [InlineData("import gc\ndef f():\n    return 1", "'gc'")]
    [InlineData("def f():\n    return __import__('os')", "'__import__'")]
    [InlineData("def f():\n    return getattr(__builtins__, '__imp' + 'ort__')('os')", "'__builtins__'")]
    [InlineData("def f():\n    return ().__class__.__base__.__subclasses__()", "'__subclasses__'")]
    [InlineData("def f():\n    return f.__globals__", "'__globals__'")]
    [InlineData("import typing\ndef f():\n    return typing.sys", "'sys'")]
    [InlineData("import collections\ndef f():\n    return collections._sys", "'_sys'")]
    [InlineData("def f():\n    return input()", "input()")]
    [InlineData("def f():\n    x = input('?')\n    return x", "input()")]
    public async Task Banned_modules_and_escape_gadgets_are_forbidden_before_running(string program, string named)
    {
        var result = await sandbox.RunAsync(program);
        Assert.Equal(ExecutionStatus.Forbidden, result.Status);
        Assert.Contains(named, result.Error);
        Assert.Null(result.Output);
    }

    [Theory]
    [InlineData("__import__('os').getpid()")]
    [InlineData("input()")]
    [InlineData("[__builtins__]")]
    public async Task The_input_is_checked_like_the_program(string input)
    {
        var result = await sandbox.RunAsync("def f(x):\n    return x", input);
        Assert.Equal(ExecutionStatus.Forbidden, result.Status);
        Assert.Contains("input line", result.Error);
    }

    [Theory]
    [InlineData("def parse_input(s):\n    return s.split(',')\ndef f(s):\n    return parse_input(s)", "'a,b'", "['a', 'b']")]
    [InlineData("class Reader:\n    def input(self):\n        return 5\ndef f():\n    return Reader().input()", "", "5")]
    [InlineData("def f(input):\n    return input * 2", "3", "6")]
    [InlineData("def f(s):\n    return 'import os' in s", "'import os'", "True")]
    [InlineData("import statistics\ndef f(xs):\n    return statistics.median(xs)", "[3, 1, 2]", "2")]
    public async Task Look_alikes_are_not_forbidden(string program, string input, string expected)
    {
        var result = await sandbox.RunAsync(program, input);
        Assert.Equal(ExecutionStatus.Ok, result.Status);
        Assert.Equal(expected, result.Output);
    }

    [Theory]
    [InlineData("def f():\n    exec('import os')\n    return 1")]
    [InlineData("def f():\n    exec('import os', {})\n    return 1")]
    [InlineData("def f():\n    return eval('__imp' + 'ort__(\"os\")')")]
    public async Task Imports_hidden_in_strings_are_stopped_at_run_time(string program)
    {
        var result = await sandbox.RunAsync(program);
        Assert.Equal(ExecutionStatus.Forbidden, result.Status);
        Assert.Contains("at run time", result.Error);
    }

    [Fact]
    public async Task A_bypass_the_checks_miss_still_meets_the_isolation()
    {
        // Passes both the AST check and the import guard (the import runs inside a real module's namespace).
        var program = """
            import typing
            def f():
                exec('import o' + 's', vars(typing))
                system = vars(typing)['o' + 's']
                found = []
                for path in ('/etc/shadow', '/root', '/home'):
                    found.append(getattr(system.path, 'exists')(path))
                return found, getattr(system, 'sys' + 'tem')('true') != 0
            """;
        var result = await sandbox.RunAsync(program);
        Assert.Equal(ExecutionStatus.Ok, result.Status);
        Assert.Equal("([False, False, False], True)", result.Output);
    }

    [Fact]
    public async Task The_benchmark_policy_checks_syntax_only()
    {
        var allowed = await sandbox.RunAsync("import os, sys, hashlib\ndef f():\n    return sys.version_info[0]", policy: ExecutionPolicy.Benchmark);
        Assert.Equal(ExecutionStatus.Ok, allowed.Status);
        Assert.Equal("3", allowed.Output);
        var broken = await sandbox.RunAsync("import os\ndef f(:\n    return 1", policy: ExecutionPolicy.Benchmark);
        Assert.Equal(ExecutionStatus.Syntax, broken.Status);
        var injected = await sandbox.RunAsync("def f(x):\n    return x", "0) if False else (True", ExecutionPolicy.Benchmark);
        Assert.Equal(ExecutionStatus.Syntax, injected.Status);
    }
}
