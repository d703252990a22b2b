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
    int? TotalSteps)
{
    /// <summary>The run to insert, queued, owned by <paramref name="owner"/>.</summary>
    public Run ToRun(string owner, DateTimeOffset createdAt) => new()
    {
        Name = Name,
        Kind = Kind,
        Preset = Preset,
        Config = ConfigJson,
        Queue = Queue,
        Owner = owner,
        Tags = Tags,
        Notes = Notes,
        TotalSteps = TotalSteps,
        CreatedAt = createdAt,
    };
}
