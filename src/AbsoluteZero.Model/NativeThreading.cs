using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace AbsoluteZero.Model;

/// <summary>
/// libtorch's OpenMP threads spin at every barrier by default. On a machine where anything else runs (two shared
/// cores in CI, a trainer beside its sandbox workers) a spinning thread holds the core its partner needs, and a decode
/// step of ~150 small ops went from 3 ms to 140–220 ms (measured on the development machine under load). Passive
/// waiting brought it back to 9 ms while large matmuls keep both threads. libgomp reads the variable once, when
/// libtorch loads, and .NET's Environment.SetEnvironmentVariable does not reach the native environment on Linux, so
/// libc's setenv is called before any tensor exists. A value the operator set is left alone.
/// </summary>
internal static partial class NativeThreading
{
    public const string WaitPolicy = "OMP_WAIT_POLICY";

#pragma warning disable CA2255 // a library module initializer is the point: it must run before libtorch loads
    [ModuleInitializer]
#pragma warning restore CA2255
    internal static void PreferPassiveWaiting()
    {
        if (OperatingSystem.IsLinux() && Environment.GetEnvironmentVariable(WaitPolicy) is null)
            _ = SetEnv(WaitPolicy, "PASSIVE", 0);
    }

    [LibraryImport("libc", EntryPoint = "setenv", StringMarshalling = StringMarshalling.Utf8)]
    private static partial int SetEnv(string name, string value, int overwrite);
}
