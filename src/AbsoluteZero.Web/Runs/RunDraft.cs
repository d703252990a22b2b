using AbsoluteZero.Data.Runs;

namespace AbsoluteZero.Web.Runs;

/// <summary>A run request that passed validation: everything needed to insert the row and enqueue its job.</summary>
public sealed record RunDraft(
    RunKind Kind,
    string Name,
    string? Preset,
    string ConfigJson,
    string Queue,
    List<string> Tags,
    string? Notes,
    int? TotalSteps);
