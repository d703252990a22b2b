using System.Runtime.InteropServices;

namespace AbsoluteZero.Web.Training;

/// <summary>
/// SIGTERM for a child: .NET's <c>Process.Kill</c> only sends SIGKILL, which gives a trainer no chance to checkpoint.
/// </summary>
internal static class PosixSignals
{
    private const int SigTerm = 15;

    /// <summary>Asks the process to stop; false when it no longer exists.</summary>
    public static bool Terminate(int pid) => Kill(pid, SigTerm) == 0;

#pragma warning disable SYSLIB1054 // LibraryImport would need unsafe code enabled for one call.
    [DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static extern int Kill(int pid, int signal);
#pragma warning restore SYSLIB1054
}
