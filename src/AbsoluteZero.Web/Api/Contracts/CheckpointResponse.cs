using System.Text.Json;
using AbsoluteZero.Data.Checkpoints;
using AbsoluteZero.Web.Training;

namespace AbsoluteZero.Web.Api.Contracts;

/// <summary>
/// A checkpoint a training run wrote: its step, Hugging Face folder, size, the step's metrics, and whether the folder
/// is still on disk (older ones are removed as <c>schedule.keep_checkpoints</c> says). <see cref="ModelName"/> is the
/// model registry name it would have (the final checkpoint of a finished run is registered under it).
/// </summary>
public sealed record CheckpointResponse(
    long Id,
    long RunId,
    int Step,
    string Path,
    long Bytes,
    JsonElement? Metrics,
    DateTimeOffset CreatedAt,
    DateTimeOffset? RemovedAt,
    bool Available,
    string ModelName)
{
    public static CheckpointResponse From(Checkpoint c) =>
        new(c.Id, c.RunId, c.Step, c.Path, c.Bytes, JsonColumn.ParseOrNull(c.Metrics), c.CreatedAt, c.RemovedAt, c.RemovedAt is null,
            RunRecordWriter.ModelName(c.RunId, c.Step));
}

/// <summary><c>GET /api/v1/runs/{id}/checkpoints</c>: oldest step first.</summary>
public sealed record CheckpointsResponse(long RunId, IReadOnlyList<CheckpointResponse> Checkpoints);
