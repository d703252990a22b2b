using TorchSharp;
using static TorchSharp.torch;

namespace AbsoluteZero.Model.Safetensors;

/// <summary>
/// Moves the raw bytes of a contiguous CPU tensor to and from a stream in slices: <c>Tensor.bytes</c> is a Span and
/// cannot cover more than 2 GiB, which a 7B model's f32 embedding exceeds.
/// </summary>
internal static class TensorBytes
{
    internal static long SliceBytes { get; set; } = 1L << 30;

    public static void Fill(Tensor destination, Stream source)
    {
        ForEachSlice(destination, slice => source.ReadExactly(slice.bytes));
    }

    public static void Write(Tensor source, Stream destination)
    {
        ForEachSlice(source, slice => destination.Write(slice.bytes));
    }

    private static void ForEachSlice(Tensor tensor, Action<Tensor> action)
    {
        if (tensor.device_type != DeviceType.CPU || !tensor.is_contiguous())
            throw new ArgumentException("a contiguous CPU tensor is required", nameof(tensor));
        var flat = tensor.view(-1);
        var elementSize = tensor.ElementSize;
        var perSlice = Math.Max(1, SliceBytes / elementSize);
        for (long start = 0; start < flat.shape[0]; start += perSlice)
        {
            using var slice = flat.narrow(0, start, Math.Min(perSlice, flat.shape[0] - start));
            action(slice);
        }
    }
}
