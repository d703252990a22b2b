using AbsoluteZero.Core.Tasks;
using AbsoluteZero.Data.Tasks;
using Microsoft.EntityFrameworkCore;

namespace AbsoluteZero.Web.Components.Runs;

/// <summary>
/// The Tasks tab's filters. <see cref="AtStep"/> is "the buffer at step s": valid tasks added at step ≤ s (tasks are
/// never copied, so a snapshot is this query).
/// </summary>
public sealed record TaskFilter(TaskType? Type = null, bool? Valid = null, string? FailureReason = null, int? FromStep = null, int? ToStep = null, string? Text = null, int? AtStep = null)
{
    public IQueryable<ProposedTask> Apply(IQueryable<ProposedTask> tasks)
    {
        if (Type is { } type)
            tasks = tasks.Where(t => t.TaskType == type);
        if (AtStep is { } at)
            tasks = tasks.Where(t => t.Valid && t.Step <= at);
        else if (Valid is { } valid)
            tasks = tasks.Where(t => t.Valid == valid);
        if (!string.IsNullOrEmpty(FailureReason))
            tasks = tasks.Where(t => t.FailureReason == FailureReason);
        if (FromStep is { } from)
            tasks = tasks.Where(t => t.Step >= from);
        if (ToStep is { } to)
            tasks = tasks.Where(t => t.Step <= to);
        if (!string.IsNullOrWhiteSpace(Text))
        {
            var pattern = "%" + Text.Trim().Replace("\\", "\\\\").Replace("%", "\\%").Replace("_", "\\_") + "%";
            tasks = tasks.Where(t => EF.Functions.ILike(t.Program, pattern, "\\")
                || (t.Input != null && EF.Functions.ILike(t.Input, pattern, "\\"))
                || (t.Output != null && EF.Functions.ILike(t.Output, pattern, "\\"))
                || (t.Message != null && EF.Functions.ILike(t.Message, pattern, "\\")));
        }

        return tasks;
    }
}
