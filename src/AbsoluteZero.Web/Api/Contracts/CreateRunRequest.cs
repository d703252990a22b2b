using System.Text.Json.Nodes;
using AbsoluteZero.Data.Runs;

namespace AbsoluteZero.Web.Api.Contracts;

/// <summary>
/// <c>POST /api/v1/runs</c>. Training: a preset plus partial <see cref="Config"/> overrides (a <c>RunConfig</c>
/// fragment) plus <see cref="Steps"/>. Evaluation: an <c>EvalConfig</c> in <see cref="Config"/>; a preset, if named,
/// supplies the model to evaluate when <c>config.model</c> is absent.
/// </summary>
/// <param name="Kind">train (default) or eval.</param>
/// <param name="Preset">Run preset (tiny, qwen2.5-coder-7b, …); required for train.</param>
/// <param name="Steps">Training steps, 1–100000; train only (default: the preset's).</param>
/// <param name="Config">Train: overrides merged into the preset field by field. Eval: the evaluation config.</param>
/// <param name="Name">Display name (default: the preset, or "eval" and the model).</param>
/// <param name="Tags">Up to 20 tags.</param>
/// <param name="Notes">Free text.</param>
/// <param name="Queue">Hangfire queue (GPU class); default: cpu for tiny, gpu otherwise.</param>
public sealed record CreateRunRequest(
    RunKind? Kind = null,
    string? Preset = null,
    int? Steps = null,
    JsonObject? Config = null,
    string? Name = null,
    IReadOnlyList<string>? Tags = null,
    string? Notes = null,
    string? Queue = null);
