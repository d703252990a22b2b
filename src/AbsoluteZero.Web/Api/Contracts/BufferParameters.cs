using AbsoluteZero.Core.Tasks;
using AbsoluteZero.Web.Runs;
using Microsoft.AspNetCore.Mvc;

namespace AbsoluteZero.Web.Api.Contracts;

/// <summary>Query string of <c>GET /api/v1/runs/{id}/buffers</c>.</summary>
public sealed class BufferParameters
{
    /// <summary>The buffers as they were after this step (0: the seeds); default: the run's last recorded step.</summary>
    [FromQuery(Name = "step")]
    public int? Step { get; init; }

    /// <summary>One buffer (deduction, abduction or induction) instead of all three.</summary>
    [FromQuery(Name = "type")]
    public string? Type { get; init; }

    public (TaskType? Type, bool Ok) Validate(FieldErrors errors)
    {
        if (Step is < 0)
            errors.Add("step", "must be 0 or more");
        var type = RunListParameters.ParseEnum<TaskType>("type", Type, errors);
        return (type, !errors.Any);
    }
}
