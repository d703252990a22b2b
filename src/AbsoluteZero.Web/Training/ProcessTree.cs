using System.Globalization;

namespace AbsoluteZero.Web.Training;

/// <summary>
/// Processes as /proc shows them, for what .NET does not offer: the descendants of a process, each identified by its
/// pid and start time (a pid alone may be reused by then), so a supervisor can make sure a child left nothing behind.
/// </summary>
public static class ProcessTree
{
    /// <param name="StartTicks">Start time in clock ticks after boot (/proc/PID/stat field 22).</param>
    public sealed record Entry(int Pid, int ParentPid, ulong StartTicks, IReadOnlyList<string> Arguments)
    {
        public override string ToString()
        {
            var command = string.Join(' ', Arguments);
            return $"{Pid} (parent {ParentPid}): {(command.Length <= 200 ? command : command[..200] + "…")}";
        }
    }

    /// <summary>Every live process; zombies (exited, waiting for their parent to reap them) are not listed.</summary>
    public static IReadOnlyList<Entry> All()
    {
        var entries = new List<Entry>();
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (int.TryParse(Path.GetFileName(dir), NumberStyles.None, CultureInfo.InvariantCulture, out var pid) && Read(pid) is { } entry)
                entries.Add(entry);
        }

        return entries;
    }

    /// <summary>Every process below <paramref name="pid"/>: children, their children, and so on.</summary>
    public static IReadOnlyList<Entry> DescendantsOf(int pid)
    {
        var all = All();
        var found = new List<Entry>();
        var parents = new HashSet<int> { pid };
        List<Entry> next;
        do
        {
            next = all.Where(e => parents.Contains(e.ParentPid) && !parents.Contains(e.Pid)).ToList();
            found.AddRange(next);
            parents.UnionWith(next.Select(e => e.Pid));
        }
        while (next.Count > 0);

        return found;
    }

    /// <summary>SIGKILL to <paramref name="entry"/> if that same process (pid and start time) still exists.</summary>
    public static void KillIfAlive(Entry entry)
    {
        if (Read(entry.Pid) is { } now && now.StartTicks == entry.StartTicks)
        {
            try
            {
                System.Diagnostics.Process.GetProcessById(entry.Pid).Kill();
            }
            catch (Exception e) when (e is ArgumentException or InvalidOperationException)
            {
                // Gone in the meantime.
            }
        }
    }

    private static Entry? Read(int pid)
    {
        try
        {
            // stat is "pid (comm) state ppid … starttime …"; comm may hold spaces and parentheses, so fields are
            // counted from the last ')': state is field 3, ppid 4, starttime 22.
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            if (fields[0] is "Z" or "X")
                return null;
            var arguments = File.ReadAllText($"/proc/{pid}/cmdline").Split('\0', StringSplitOptions.RemoveEmptyEntries);
            return new Entry(pid, int.Parse(fields[1], CultureInfo.InvariantCulture), ulong.Parse(fields[19], CultureInfo.InvariantCulture), arguments);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException or IndexOutOfRangeException)
        {
            return null;
        }
    }
}
