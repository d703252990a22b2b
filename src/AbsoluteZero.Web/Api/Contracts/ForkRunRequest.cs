using System.Text.Json.Nodes;

namespace AbsoluteZero.Web.Api.Contracts;

/// <summary>
/// <c>POST /api/v1/runs/{id}/fork</c>: a new training run from the source run's config with these overrides. Every
/// field is optional; an empty body forks the config as it is.
/// </summary>
/// <param name="Config">A partial <c>RunConfig</c> merged into the source's config field by field.</param>
/// <param name="Steps">Training steps of the new run (default: the source's).</param>
/// <param name="CheckpointStep">Start from the source's checkpoint of this step: its weights become the new run's
/// <c>model.path</c> (the optimizer starts fresh and steps count from 1).</param>
/// <param name="BuffersStep">Seed the new run with the source's task buffers as they were after this step, instead of
/// seeding from the model (0: the source's seeds).</param>
/// <param name="Name">Default: "fork of" and the source's name.</param>
/// <param name="Tags">Default: the source's tags.</param>
/// <param name="Notes">Free text.</param>
/// <param name="Queue">Default: the source's queue.</param>
public sealed record ForkRunRequest(
    JsonObject? Config = null,
    int? Steps = null,
    int? CheckpointStep = null,
    int? BuffersStep = null,
    string? Name = null,
    IReadOnlyList<string>? Tags = null,
    string? Notes = null,
    string? Queue = null);
