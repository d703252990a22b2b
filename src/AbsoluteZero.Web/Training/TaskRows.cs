using System.Text.Json;
using System.Text.Json.Nodes;
using AbsoluteZero.Core.Json;
using AbsoluteZero.Core.SelfPlay;
using TaskRow = AbsoluteZero.Data.Tasks.ProposedTask;

namespace AbsoluteZero.Web.Training;

/// <summary>A task the trainer reports (Core's <see cref="ProposedTask"/>) as its <c>tasks</c> row.</summary>
public static class TaskRows
{
    /// <summary>The <c>failure_reason</c> column's length; longer reasons (sandbox errors quoting the program) are cut.</summary>
    public const int MaxReasonLength = 2000;

    /// <summary>The row, with every model-written string made storable (<see cref="DatabaseText"/>).</summary>
    public static TaskRow From(ProposedTask task, DateTimeOffset at) => new()
    {
        Step = task.Step,
        TaskType = task.TaskType,
        Origin = task.Origin == TaskOrigin.Seed ? "seed" : "proposed",
        // A response from which no program could be read still gets a row, so the buffer browser shows every proposal.
        Program = DatabaseText.Clean(task.Program ?? ""),
        Input = DatabaseText.CleanOrNull(task.Input),
        Output = DatabaseText.CleanOrNull(task.Output),
        Inputs = Json(task.Inputs?.Select(DatabaseText.Clean).ToList()),
        Outputs = Json(task.Outputs?.Select(DatabaseText.Clean).ToList()),
        Message = DatabaseText.CleanOrNull(task.Message),
        Valid = task.Valid,
        AddedToBuffer = task.AddedToBuffer,
        FailureReason = DatabaseText.CleanOrNull(task.Reason is { Length: > MaxReasonLength } reason ? reason[..(MaxReasonLength - 1)] + "…" : task.Reason),
        SolveRate = task.SolveRate,
        ProposerReward = task.Reward,
        SolverAnswers = task.Origin == TaskOrigin.Seed
            ? null
            : Json(task.SolverAnswers.Select(a => a with { Answer = DatabaseText.CleanOrNull(a.Answer), Reason = DatabaseText.CleanOrNull(a.Reason) }).ToList()),
        Imports = Json(task.Imports.Select(DatabaseText.Clean).ToList()),
        ProposerDetail = task.Origin == TaskOrigin.Seed
            ? null
            : new JsonObject
            {
                ["format_ok"] = task.FormatOk,
                ["thought"] = DatabaseText.CleanOrNull(task.Thought),
                ["response"] = DatabaseText.CleanOrNull(task.Response),
            }.ToJsonString(AzrJson.Options),
        CreatedAt = at.ToUniversalTime(),
    };

    private static string? Json<T>(IReadOnlyList<T>? values) => values is null ? null : JsonSerializer.Serialize(values, AzrJson.Options);
}
