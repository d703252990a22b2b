using AbsoluteZero.Sandbox;

namespace AbsoluteZero.Training.Tests;

/// <summary>
/// One real sandbox pool (bubblewrap, /usr/bin/python3) for the tests that run steps in-process, configured from the
/// test run config's sandbox group as the trainer configures its own.
/// </summary>
public sealed class SandboxFixture : IAsyncLifetime
{
    public const int TimeoutMs = 5_000;

    public SandboxPool Pool { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        var settings = StepHarness.Config().Sandbox;
        Pool = await SandboxExecutorFactory.StartAsync(SandboxOptions.FromSettings(settings) with { MemoryMb = 512 }, _ => { });
    }

    public async Task DisposeAsync() => await Pool.DisposeAsync();
}

[CollectionDefinition(Name)]
public sealed class SandboxCollection : ICollectionFixture<SandboxFixture>
{
    public const string Name = "training sandbox";
}
