using AbsoluteZero.Core.Execution;

namespace AbsoluteZero.Sandbox.Tests;

/// <summary>
/// One real pool (bwrap, /usr/bin/python3, two workers) shared by the tests of <see cref="SandboxCollection"/>. A secret
/// is put into this process's environment before the pool starts, so tests can prove it never reaches a program.
/// </summary>
public sealed class SandboxFixture : IAsyncLifetime
{
    public const string SecretVariable = "AZR_SANDBOX_TEST_SECRET";

    public static readonly SandboxOptions TestOptions = new() { Workers = 2, TimeoutMs = 3_000, MemoryMb = 512 };

    public string Secret { get; } = $"secret-{Guid.NewGuid():N}";

    public List<string> Log { get; } = [];

    public SandboxPool Pool { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Environment.SetEnvironmentVariable(SecretVariable, Secret);
        Pool = await SandboxExecutorFactory.StartAsync(TestOptions, message => { lock (Log) Log.Add(message); });
    }

    public async Task DisposeAsync() => await Pool.DisposeAsync();

    public Task<ExecutionResult> RunAsync(string program, string input = "", ExecutionPolicy policy = ExecutionPolicy.Azr,
        ExecutionCheck check = ExecutionCheck.Run, int? timeoutMs = null) =>
        Sandbox.RunAsync(Pool, program, input, policy, check, timeoutMs);
}

[CollectionDefinition(Name)]
public sealed class SandboxCollection : ICollectionFixture<SandboxFixture>
{
    public const string Name = "sandbox pool";
}

internal static class Sandbox
{
    public static async Task<ExecutionResult> RunAsync(ICodeExecutor executor, string program, string input = "",
        ExecutionPolicy policy = ExecutionPolicy.Azr, ExecutionCheck check = ExecutionCheck.Run, int? timeoutMs = null)
    {
        var request = new ExecutionRequest(program, input) { Policy = policy, Check = check, TimeoutMs = timeoutMs };
        return (await executor.ExecuteAsync([request]))[0];
    }

    /// <summary>Asserts the pool still answers an ordinary request correctly (after something hostile).</summary>
    public static async Task AssertHealthyAsync(ICodeExecutor executor)
    {
        var results = await executor.ExecuteAsync(Enumerable.Range(0, 4)
            .Select(i => new ExecutionRequest("def f(a, b):\n    return sorted({a, b, a + b})", $"{i}, 10")).ToList());
        for (var i = 0; i < results.Count; i++)
        {
            Assert.Equal(ExecutionStatus.Ok, results[i].Status);
            Assert.Equal($"[{string.Join(", ", new[] { i, 10, i + 10 }.Distinct().Order())}]", results[i].Output);
        }
    }
}
