using static TorchSharp.torch;

namespace AbsoluteZero.Model.Tests;

/// <summary>
/// Fails loudly when libtorch cannot load (on Debian 12: the GLIBCXX_3.4.32 need that Directory.Build.targets marks
/// weak). Every other test here would fail too, but this one says why.
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

    [Fact]
    public void The_copied_native_library_has_its_GLIBCXX_3_4_32_need_marked_weak()
    {
        var library = Path.Combine(AppContext.BaseDirectory, "libLibTorchSharp.so");
        Assert.True(File.Exists(library), $"{library} was not copied next to the tests");
        var readelf = System.Diagnostics.Process.Start(new System.Diagnostics.ProcessStartInfo("readelf", ["-V", library])
        {
            RedirectStandardOutput = true,
        })!;
        var output = readelf.StandardOutput.ReadToEnd();
        readelf.WaitForExit();
        var line = output.Split('\n').FirstOrDefault(l => l.Contains("Name: GLIBCXX_3.4.32"));
        // A TorchSharp release without the need is fine; one with it must carry the WEAK flag.
        if (line is not null)
            Assert.Contains("Flags: WEAK", line);
    }
}
