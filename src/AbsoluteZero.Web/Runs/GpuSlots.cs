using System.Threading.Channels;
using AbsoluteZero.Web.Hosting;
using Microsoft.Extensions.Options;

namespace AbsoluteZero.Web.Runs;

/// <summary>
/// The GPUs of this host (<see cref="PlatformOptions.Gpus"/>, <c>azr worker --gpus 0,1,…</c>) handed to run children one
/// each: a child sees only its own card through <c>CUDA_VISIBLE_DEVICES</c>, so two runs on an eight-GPU host never
/// share one. With no GPUs configured nothing is assigned and children see what the host sees.
/// </summary>
public sealed class GpuSlots
{
    private readonly Channel<string>? _free;

    public GpuSlots(IOptions<PlatformOptions> options)
    {
        var gpus = options.Value.Gpus;
        if (gpus.Length == 0)
            return;
        _free = Channel.CreateUnbounded<string>();
        foreach (var gpu in gpus)
            _free.Writer.TryWrite(gpu);
    }

    /// <summary>
    /// A free GPU, waiting for one when every card is taken (more Hangfire workers than GPUs); null when the host has
    /// none configured. Dispose the lease when the child has exited.
    /// </summary>
    public async ValueTask<GpuLease?> AcquireAsync(CancellationToken cancellation) =>
        _free is null ? null : new GpuLease(await _free.Reader.ReadAsync(cancellation), _free.Writer);
}

/// <summary>One GPU held by one run's child; disposing gives it back.</summary>
public sealed class GpuLease(string device, ChannelWriter<string> free) : IDisposable
{
    private int _returned;

    /// <summary>The device as <c>CUDA_VISIBLE_DEVICES</c> takes it: an index or a <c>GPU-…</c>/<c>MIG-…</c> UUID.</summary>
    public string Device { get; } = device;

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _returned, 1) == 0)
            free.TryWrite(Device);
    }
}
