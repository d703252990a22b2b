using System.Text.Json;
using AbsoluteZero.Core.Tasks;
using AbsoluteZero.Data.Tasks;

namespace AbsoluteZero.Web.Api.Contracts;

/// <summary>A proposed task as REST returns it; the jsonb columns come back as JSON, not strings.</summary>
public sealed record TaskResponse(
    long Id,
    long RunId,
    int Step,
    TaskType TaskType,
    string Origin,
    JsonElement? ProposerDetail,
    string Program,
    string? Input,
    string? Output,
    JsonElement? Inputs,
    JsonElement? Outputs,
    string? Message,
    bool Valid,
    bool AddedToBuffer,
    string? FailureReason,
    double? SolveRate,
    double? ProposerReward,
    JsonElement? SolverAnswers,
    JsonElement? Imports,
    DateTimeOffset CreatedAt)
{
    public static TaskResponse From(ProposedTask t) => new(
        t.Id, t.RunId, t.Step, t.TaskType, t.Origin, JsonColumn.ParseOrNull(t.ProposerDetail), t.Program, t.Input, t.Output,
        JsonColumn.ParseOrNull(t.Inputs), JsonColumn.ParseOrNull(t.Outputs), t.Message, t.Valid, t.AddedToBuffer, t.FailureReason,
        t.SolveRate, t.ProposerReward, JsonColumn.ParseOrNull(t.SolverAnswers), JsonColumn.ParseOrNull(t.Imports), t.CreatedAt);
}
