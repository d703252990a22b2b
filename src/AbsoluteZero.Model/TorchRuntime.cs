using AbsoluteZero.Core.Configuration;
using AbsoluteZero.Model.Architecture;
using TorchSharp;
using static TorchSharp.torch;

namespace AbsoluteZero.Model;

/// <summary>Loading libtorch and choosing where the model runs.</summary>
public static class TorchRuntime
{
    /// <summary>
    /// Forces the native libraries to load and returns libtorch's version. TorchSharp's own failure message blames a
    /// missing package whatever the cause; this one says what to check.
    /// </summary>
    public static string EnsureLoaded()
    {
        try
        {
            using var probe = ones(2).sum();
            return $"{__version__} ({probe.item<float>()} from a tensor sum)";
        }
        catch (Exception e) when (e is TypeInitializationException or NotSupportedException or DllNotFoundException or InvalidOperationException)
        {
            throw new InvalidOperationException(
                "TorchSharp could not load libtorch. On Debian 12 the usual cause is libLibTorchSharp.so needing GLIBCXX_3.4.32: " +
                "the build marks that need weak (Directory.Build.targets); check `readelf -V libLibTorchSharp.so | grep 3.4.32` " +
                "shows 'Flags: WEAK' next to the binary, and that libtorch-cpu-linux-x64 (or the CUDA package) was restored. " +
                $"Underlying error: {e.GetBaseException().Message}", e);
        }
    }

    /// <summary>Auto device: CUDA when present. Auto dtype: bf16 on CUDA (f32 master weights in the optimizer), f32 on CPU.</summary>
    public static Placement Resolve(ModelDevice device, ModelDtype dtype)
    {
        EnsureLoaded();
        var useCuda = device switch
        {
            ModelDevice.Cuda => cuda.is_available() ? true : throw new InvalidOperationException("model.device is cuda but CUDA is not available (is this a CPU build of TorchSharp?)"),
            ModelDevice.Cpu => false,
            _ => cuda.is_available(),
        };
        var scalar = dtype switch
        {
            ModelDtype.Float32 => ScalarType.Float32,
            ModelDtype.Bfloat16 => ScalarType.BFloat16,
            _ => useCuda ? ScalarType.BFloat16 : ScalarType.Float32,
        };
        return new Placement(useCuda ? CUDA : CPU, scalar);
    }
}
