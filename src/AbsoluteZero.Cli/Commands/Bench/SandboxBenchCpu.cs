using System.Globalization;
using System.Runtime.InteropServices;

namespace AbsoluteZero.Cli.Commands.Bench;

/// <summary>
/// CPU seconds (user + system) spent by processes. On a machine shared with other work, CPU per program is a steadier
/// measure than the wall-clock rate, so the sandbox benchmark reports both.
/// </summary>
internal static class SandboxBenchCpu
{
    private const int RusageSelf = 0;
    private const int RusageChildren = -1;
    private const double ClockTicksPerSecond = 100; // USER_HZ, fixed at 100 on Linux

    public static double SelfSeconds() => Read(RusageSelf);

    /// <summary>Descendants that have exited and been waited for, all the way down (each level reaps the next).</summary>
    public static double ChildrenSeconds() => Read(RusageChildren);

    /// <summary>
    /// Live processes whose command line contains <paramref name="tag"/>: their own CPU plus that of the children they
    /// reaped (the fork server reaps every program it ran).
    /// </summary>
    public static double TaggedSeconds(string tag)
    {
        var total = 0.0;
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(dir), out _))
                continue;
            try
            {
                if (!File.ReadAllText(Path.Combine(dir, "cmdline")).Contains(tag, StringComparison.Ordinal))
                    continue;
                var stat = File.ReadAllText(Path.Combine(dir, "stat"));
                // Fields after the parenthesised command: state is field 3; utime, stime, cutime, cstime are 14-17.
                var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
                total += fields[11..15].Sum(field => double.Parse(field, CultureInfo.InvariantCulture)) / ClockTicksPerSecond;
            }
            catch (IOException)
            {
                // Exited while we looked.
            }
        }

        return total;
    }

    private static double Read(int who)
    {
        if (getrusage(who, out var usage) != 0)
            throw new InvalidOperationException($"getrusage failed (errno {Marshal.GetLastPInvokeError()})");
        return usage.UserSeconds + usage.UserMicroseconds / 1e6 + usage.SystemSeconds + usage.SystemMicroseconds / 1e6;
    }

#pragma warning disable SYSLIB1054 // LibraryImport would need unsafe code enabled for one call.
    [DllImport("libc", SetLastError = true)]
    private static extern int getrusage(int who, out Rusage usage);
#pragma warning restore SYSLIB1054

    [StructLayout(LayoutKind.Sequential)]
    private struct Rusage
    {
        public long UserSeconds;
        public long UserMicroseconds;
        public long SystemSeconds;
        public long SystemMicroseconds;
        private readonly long _maxRss, _ixRss, _idRss, _isRss, _minFlt, _majFlt, _nSwap, _inBlock, _ouBlock, _msgSnd, _msgRcv, _nSignals, _nvCsw, _nivCsw;
    }
}
