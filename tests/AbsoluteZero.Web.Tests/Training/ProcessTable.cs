using System.Globalization;
using AbsoluteZero.Web.Training;

namespace AbsoluteZero.Web.Tests.Training;

/// <summary>Finding a run's training or evaluation child among the machine's processes.</summary>
public static class ProcessTable
{
    /// <summary>The <c>azr train --run ID</c> processes of a run, wherever they are in the tree.</summary>
    public static IReadOnlyList<ProcessTree.Entry> TrainersOf(long runId) => ChildrenOf(runId, "train");

    /// <summary>The <c>azr eval --run ID</c> processes of a run, wherever they are in the tree.</summary>
    public static IReadOnlyList<ProcessTree.Entry> EvaluatorsOf(long runId) => ChildrenOf(runId, "eval");

    private static List<ProcessTree.Entry> ChildrenOf(long runId, string verb) =>
        ProcessTree.All().Where(e => ValueAfter(e.Arguments, "--run") == runId.ToString(CultureInfo.InvariantCulture) && e.Arguments.Contains(verb)).ToList();

    private static string? ValueAfter(IReadOnlyList<string> arguments, string flag) =>
        arguments.SkipWhile(a => a != flag).Skip(1).FirstOrDefault();
}
