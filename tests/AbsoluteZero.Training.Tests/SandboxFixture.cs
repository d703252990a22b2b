using AbsoluteZero.Sandbox;

namespace AbsoluteZero.Training.Tests;

/// <summary>One real sandbox pool (bubblewrap, /usr/bin/python3) shared by the tests that run steps in-process.</summary>
public sealed class SandboxFixture : IAsyncLifetime
{
    public const int TimeoutMs = 5_000;

    public SandboxPool Pool { get; private set; } = null!;

    public async Task InitializeAsync() =>
        Pool = await SandboxExecutorFactory.StartAsync(new SandboxOptions { Workers = 2, TimeoutMs = TimeoutMs, MemoryMb = 512 }, _ => { });

    public async Task DisposeAsync() => await Pool.DisposeAsync();
}

[CollectionDefinition(Name)]
public sealed class SandboxCollection : ICollectionFixture<SandboxFixture>
{
    public const string Name = "training sandbox";
}
