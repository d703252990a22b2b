using AbsoluteZero.Web.Hosting;
using AbsoluteZero.Web.Runs;
using Microsoft.Extensions.Options;

namespace AbsoluteZero.Web.Tests;

/// <summary>Handing a host's GPUs to run children one each.</summary>
public sealed class GpuSlotsTests
{
    private static GpuSlots Slots(params string[] gpus) => new(Options.Create(new PlatformOptions { Gpus = gpus }));

    [Fact]
    public async Task A_host_without_gpus_assigns_nothing()
    {
        Assert.Null(await Slots().AcquireAsync(CancellationToken.None));
    }

    [Fact]
    public async Task Each_lease_is_a_different_card_and_a_third_run_waits_for_one_to_be_given_back()
    {
        var slots = Slots("3", "GPU-0a1b");
        using var first = await slots.AcquireAsync(CancellationToken.None);
        var second = await slots.AcquireAsync(CancellationToken.None);
        Assert.Equal(["3", "GPU-0a1b"], new[] { first!.Device, second!.Device });

        var third = slots.AcquireAsync(CancellationToken.None).AsTask();
        await Task.Delay(100);
        Assert.False(third.IsCompleted);
        second.Dispose();
        second.Dispose();
        Assert.Equal("GPU-0a1b", (await third.WaitAsync(TimeSpan.FromSeconds(5)))!.Device);

        // Given back twice, the card was still only returned once: nothing else is free now.
        using var waiting = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => slots.AcquireAsync(waiting.Token).AsTask());
    }
}
