using System.Text.Json;
using AbsoluteZero.Data.Runs;

namespace AbsoluteZero.Web.Api.Contracts;

/// <summary>A run as REST returns it; <see cref="Config"/> is the bound config exactly as stored.</summary>
public sealed record RunResponse(
    long Id,
    string Name,
    RunKind Kind,
    RunStatus Status,
    string? Preset,
    string Queue,
    string Owner,
    IReadOnlyList<string> Tags,
    string? Notes,
    JsonElement Config,
    DateTimeOffset CreatedAt,
    DateTimeOffset? StartedAt,
    DateTimeOffset? FinishedAt,
    int CurrentStep,
    int? TotalSteps,
    string? JobId,
    string? WorkerHost,
    string? Error,
    string? StopReason,
    bool CancelRequested,
    string? CancelRequestedBy,
    long? ParentRunId,
    int? SeedBuffersStep)
{
    public static RunResponse From(Run run) =>
        new(run.Id, run.Name, run.Kind, run.Status, run.Preset, run.Queue, run.Owner, run.Tags, run.Notes,
            JsonColumn.Parse(run.Config), run.CreatedAt, run.StartedAt, run.FinishedAt, run.CurrentStep, run.TotalSteps,
            run.JobId, run.WorkerHost, run.Error, run.StopReason, run.CancelRequested, run.CancelRequestedBy, run.ParentRunId,
            run.SeedBuffersStep);
}
