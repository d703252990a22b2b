using System.Globalization;

namespace AbsoluteZero.Web.Tests.Training;

/// <summary>The machine's processes from /proc: to find a training child, and to prove nothing was left running.</summary>
public static class ProcessTable
{
    public sealed record Entry(int Pid, int ParentPid, IReadOnlyList<string> Arguments)
    {
        public override string ToString() => $"{Pid} (parent {ParentPid}): {string.Join(' ', Arguments).Truncate(200)}";
    }

    public static IReadOnlyList<Entry> All()
    {
        var entries = new List<Entry>();
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(dir), NumberStyles.None, CultureInfo.InvariantCulture, out var pid))
                continue;
            try
            {
                // stat: "pid (comm) state ppid …"; comm may hold spaces and parentheses, so read after the last ')'.
                var stat = File.ReadAllText(Path.Combine(dir, "stat"));
                var parent = int.Parse(stat[(stat.LastIndexOf(')') + 2)..].Split(' ')[1], CultureInfo.InvariantCulture);
                var arguments = File.ReadAllText(Path.Combine(dir, "cmdline")).Split('\0', StringSplitOptions.RemoveEmptyEntries);
                entries.Add(new Entry(pid, parent, arguments));
            }
            catch (IOException)
            {
                // It exited while we looked.
            }
        }

        return entries;
    }

    /// <summary>Every process below <paramref name="pid"/> (children, their children, …).</summary>
    public static IReadOnlyList<Entry> DescendantsOf(int pid)
    {
        var all = All();
        var found = new List<Entry>();
        var parents = new HashSet<int> { pid };
        bool grew;
        do
        {
            var next = all.Where(e => parents.Contains(e.ParentPid) && !parents.Contains(e.Pid)).ToList();
            found.AddRange(next);
            parents.UnionWith(next.Select(e => e.Pid));
            grew = next.Count > 0;
        }
        while (grew);

        return found;
    }

    /// <summary>The <c>azr train --run ID</c> processes of a run, wherever they are in the tree.</summary>
    public static IReadOnlyList<Entry> TrainersOf(long runId) =>
        All().Where(e => e.Arguments.SkipWhile(a => a != "train").Skip(1).SkipWhile(a => a != "--run").Skip(1).FirstOrDefault() == runId.ToString(CultureInfo.InvariantCulture)).ToList();

    private static string Truncate(this string text, int length) => text.Length <= length ? text : text[..length] + "…";
}
