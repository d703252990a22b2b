using AbsoluteZero.Data.Runs;

namespace AbsoluteZero.Web.Api.Contracts;

/// <summary>A line of a run's log; <see cref="Id"/> orders lines and is what <c>after_id</c> takes.</summary>
public sealed record RunLogLineResponse(long Id, DateTimeOffset At, string Level, string Message)
{
    public static RunLogLineResponse From(RunLogLine line) => new(line.Id, line.At, line.Level, line.Message);
}

/// <summary><c>GET /api/v1/runs/{id}/logs</c>: lines after <c>after_id</c>, oldest first.</summary>
public sealed record RunLogResponse(long RunId, IReadOnlyList<RunLogLineResponse> Lines);
