using System.Text.Json;
using AbsoluteZero.Data.Runs;
using AbsoluteZero.Web.Runs;

namespace AbsoluteZero.Web.Components.Shared;

/// <summary>What the pages say about a run beyond its columns: the model it trains or evaluates, what a cancel did.</summary>
public static class RunFacts
{
    /// <summary>The config's model: <c>model.name</c>, else <c>model.path</c>, else the checkpoint's run (evaluations).</summary>
    public static string Model(Run run)
    {
        try
        {
            using var config = JsonDocument.Parse(run.Config);
            if (!config.RootElement.TryGetProperty("model", out var model) || model.ValueKind != JsonValueKind.Object)
                return "—";
            foreach (var field in new[] { "name", "path" })
            {
                if (model.TryGetProperty(field, out var value) && value.ValueKind == JsonValueKind.String)
                    return value.GetString()!;
            }

            return model.TryGetProperty("run_id", out var runId) && runId.ValueKind == JsonValueKind.Number ? $"run {runId} checkpoint" : "—";
        }
        catch (JsonException)
        {
            return "—";
        }
    }

    public static string CancelMessage(long runId, CancelOutcome outcome) => outcome switch
    {
        CancelOutcome.Cancelled => $"Run {runId} cancelled.",
        CancelOutcome.CancelRequested => $"Run {runId}: cancel requested; it stops when its job notices.",
        CancelOutcome.AlreadyFinished => $"Run {runId} had already finished.",
        CancelOutcome.Forbidden => $"Only the owner of run {runId} or an admin may cancel it.",
        _ => $"Run {runId} no longer exists.",
    };

    public static bool CancelWorked(CancelOutcome outcome) => outcome is CancelOutcome.Cancelled or CancelOutcome.CancelRequested;

    /// <summary>Why the cancel button is off for this user and run, or null when it is on.</summary>
    public static string? WhyNoCancel(System.Security.Claims.ClaimsPrincipal user, Run run)
    {
        if (run.Status.IsFinal())
            return "The run has finished.";
        if (run.CancelRequested)
            return "Cancel already requested; the run stops when its job notices.";
        if (!RunService.CanCancel(user, run))
            return RunService.CanSubmit(user) ? "Only the run's owner or an admin may cancel it." : "Viewers cannot cancel runs.";
        return null;
    }
}
