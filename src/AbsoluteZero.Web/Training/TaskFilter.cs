using AbsoluteZero.Core.Tasks;

namespace AbsoluteZero.Web.Training;

/// <summary>
/// Which of a run's tasks to show, as the buffer browser asks: every condition given must hold.
/// </summary>
/// <param name="Type">deduction, abduction or induction.</param>
/// <param name="Valid">Only valid (true) or only rejected (false) proposals.</param>
/// <param name="Origin">seed or proposed.</param>
/// <param name="InBuffer">Only tasks that entered their buffer (true) or only those that did not (false).</param>
/// <param name="Step">Only tasks proposed at exactly this step (0: the seeds).</param>
/// <param name="AtStep">The buffer as it stood after this step: tasks added at step ≤ it.</param>
/// <param name="FromStep">Only tasks of steps ≥ this.</param>
/// <param name="ToStep">Only tasks of steps ≤ this.</param>
/// <param name="Reason">Case-insensitive substring of the failure reason.</param>
/// <param name="Search">Case-insensitive substring of the program, input(s), output(s), message or failure reason.</param>
/// <param name="Newest">Newest first instead of oldest first.</param>
public sealed record TaskFilter(
    TaskType? Type = null,
    bool? Valid = null,
    string? Origin = null,
    bool? InBuffer = null,
    int? Step = null,
    int? AtStep = null,
    int? FromStep = null,
    int? ToStep = null,
    string? Reason = null,
    string? Search = null,
    bool Newest = false,
    int Page = 1,
    int PageSize = TaskFilter.DefaultPageSize)
{
    public const int DefaultPageSize = 50;
    public const int MaxPageSize = 500;
}

/// <summary>How often one failure reason occurs among a run's rejected proposals.</summary>
public sealed record FailureReasonCount(string Reason, int Count);
