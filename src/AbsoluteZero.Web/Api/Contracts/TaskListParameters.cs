using AbsoluteZero.Core.Tasks;
using AbsoluteZero.Web.Runs;
using Microsoft.AspNetCore.Mvc;

namespace AbsoluteZero.Web.Api.Contracts;

/// <summary>Query string of <c>GET /api/v1/runs/{id}/tasks</c>.</summary>
public sealed class TaskListParameters
{
    public const int DefaultPageSize = 50;
    public const int MaxPageSize = 500;

    /// <summary>deduction, abduction or induction.</summary>
    [FromQuery(Name = "task_type")]
    public string? TaskType { get; init; }

    /// <summary>Only valid (true) or only rejected (false) proposals.</summary>
    [FromQuery(Name = "valid")]
    public bool? Valid { get; init; }

    /// <summary>The buffer as it stood after this step: tasks added at step ≤ it.</summary>
    [FromQuery(Name = "at_step")]
    public int? AtStep { get; init; }

    [FromQuery(Name = "page")]
    public int? Page { get; init; }

    [FromQuery(Name = "page_size")]
    public int? PageSize { get; init; }

    public (TaskType? TaskType, int Page, int PageSize)? Validate(FieldErrors errors)
    {
        var type = RunListParameters.ParseEnum<TaskType>("task_type", TaskType, errors);
        if (AtStep is < 0)
            errors.Add("at_step", "must be 0 or more");
        var (page, pageSize) = Paging.Validate(Page, PageSize, DefaultPageSize, MaxPageSize, errors);
        return errors.Any ? null : (type, page, pageSize);
    }
}
