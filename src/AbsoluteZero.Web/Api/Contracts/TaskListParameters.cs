using AbsoluteZero.Core.Tasks;
using AbsoluteZero.Web.Runs;
using AbsoluteZero.Web.Training;
using Microsoft.AspNetCore.Mvc;

namespace AbsoluteZero.Web.Api.Contracts;

/// <summary>Query string of <c>GET /api/v1/runs/{id}/tasks</c>; every filter given must hold.</summary>
public sealed class TaskListParameters
{
    /// <summary>deduction, abduction or induction.</summary>
    [FromQuery(Name = "type")]
    public string? Type { get; init; }

    /// <summary>The same as <c>type</c> (the original name).</summary>
    [FromQuery(Name = "task_type")]
    public string? TaskType { get; init; }

    /// <summary>Only valid (true) or only rejected (false) proposals.</summary>
    [FromQuery(Name = "valid")]
    public bool? Valid { get; init; }

    /// <summary>seed or proposed.</summary>
    [FromQuery(Name = "origin")]
    public string? Origin { get; init; }

    /// <summary>Only tasks that entered their buffer (true) or only those that did not (false).</summary>
    [FromQuery(Name = "in_buffer")]
    public bool? InBuffer { get; init; }

    /// <summary>Only tasks proposed at exactly this step (0: the seeds).</summary>
    [FromQuery(Name = "step")]
    public int? Step { get; init; }

    /// <summary>The buffer as it stood after this step: tasks added at step ≤ it.</summary>
    [FromQuery(Name = "at_step")]
    public int? AtStep { get; init; }

    /// <summary>Only tasks of steps ≥ this.</summary>
    [FromQuery(Name = "from_step")]
    public int? FromStep { get; init; }

    /// <summary>Only tasks of steps ≤ this.</summary>
    [FromQuery(Name = "to_step")]
    public int? ToStep { get; init; }

    /// <summary>Case-insensitive substring of the failure reason.</summary>
    [FromQuery(Name = "reason")]
    public string? Reason { get; init; }

    /// <summary>Case-insensitive substring of the program, input(s), output(s), message or failure reason.</summary>
    [FromQuery(Name = "search")]
    public string? Search { get; init; }

    /// <summary>asc (oldest first, the default) or desc.</summary>
    [FromQuery(Name = "order")]
    public string? Order { get; init; }

    [FromQuery(Name = "page")]
    public int? Page { get; init; }

    /// <summary>Tasks per page, 1–500 (default 50).</summary>
    [FromQuery(Name = "page_size")]
    public int? PageSize { get; init; }

    public TaskFilter? ToFilter(FieldErrors errors)
    {
        if (Type is not null && TaskType is not null && Type != TaskType)
            errors.Add("type", $"type '{Type}' and task_type '{TaskType}' disagree; give one");
        var type = RunListParameters.ParseEnum<TaskType>(Type is null ? "task_type" : "type", Type ?? TaskType, errors);
        if (Origin is not null and not ("seed" or "proposed"))
            errors.Add("origin", $"unknown value '{Origin}'; one of: seed, proposed");
        foreach (var (field, value) in new[] { ("step", Step), ("at_step", AtStep), ("from_step", FromStep), ("to_step", ToStep) })
        {
            if (value is < 0)
                errors.Add(field, "must be 0 or more");
        }

        if (FromStep is { } from && ToStep is { } to && from > to)
            errors.Add("from_step", $"must not be after to_step ({from} > {to})");
        if (Order is not null and not ("asc" or "desc"))
            errors.Add("order", $"unknown value '{Order}'; one of: asc, desc");
        var (page, pageSize) = Paging.Validate(Page, PageSize, TaskFilter.DefaultPageSize, TaskFilter.MaxPageSize, errors);
        return errors.Any
            ? null
            : new TaskFilter(type, Valid, Origin, InBuffer, Step, AtStep, FromStep, ToStep, Reason, Search, Order == "desc", page, pageSize);
    }
}
