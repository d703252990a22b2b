using AbsoluteZero.Data.Runs;

namespace AbsoluteZero.Web.Runs;

/// <summary>A validated run list filter: all conditions must hold; <see cref="Search"/> matches name or notes.</summary>
public sealed record RunQuery(
    RunStatus? Status = null,
    RunKind? Kind = null,
    string? Owner = null,
    string? Tag = null,
    string? Search = null,
    int Page = 1,
    int PageSize = RunQuery.DefaultPageSize)
{
    public const int DefaultPageSize = 50;
    public const int MaxPageSize = 500;
}
