using static TorchSharp.torch;

namespace AbsoluteZero.Model.Tests;

/// <summary>
/// Fails loudly when libtorch cannot load (on Debian 12: when the GLIBCXX_3.4.32 need of libLibTorchSharp.so was not
/// marked weak by Directory.Build.targets). Every other test here would fail too, but this one says why.
/// </summary>
public sealed class TorchLoadTests
{
    [Fact]
    public void Libtorch_loads_and_computes()
    {
        var version = TorchRuntime.EnsureLoaded();
        Assert.StartsWith("2.10", version);
        using var product = matmul(ones(2, 3), ones(3, 4));
        Assert.Equal(3f, product[1, 2].item<float>());
    }
}
