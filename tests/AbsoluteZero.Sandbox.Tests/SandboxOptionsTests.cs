using AbsoluteZero.Core.Configuration;

namespace AbsoluteZero.Sandbox.Tests;

public sealed class SandboxOptionsTests
{
    [Fact]
    public void A_run_configuration_s_sandbox_group_becomes_pool_options()
    {
        var options = SandboxOptions.FromSettings(new SandboxSettings { Workers = 3, TimeoutMs = 2_500, MemoryMb = 256 });
        Assert.Equal((3, 2_500, 256), (options.Workers, options.TimeoutMs, options.MemoryMb));
        Assert.Equal(SandboxIsolation.Bwrap, options.Isolation);
        Assert.Equal(64 * 1024, options.OutputLimitBytes);
        Assert.Equal(Environment.ProcessorCount, (options with { Workers = 0 }).EffectiveWorkers);
    }

    [Fact]
    public void Validation_names_every_bad_field()
    {
        var errors = new SandboxOptions { Workers = -1, TimeoutMs = 0, MemoryMb = 10, OutputLimitBytes = 0, PythonPath = " " }.Validate();
        Assert.Equal(5, errors.Count);
        Assert.Contains(errors, e => e.StartsWith("workers", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("output_limit_bytes", StringComparison.Ordinal));
        Assert.Empty(new SandboxOptions().Validate());
    }
}
