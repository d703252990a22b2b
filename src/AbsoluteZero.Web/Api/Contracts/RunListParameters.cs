using AbsoluteZero.Data.Conventions;
using AbsoluteZero.Data.Runs;
using AbsoluteZero.Web.Runs;
using Microsoft.AspNetCore.Mvc;

namespace AbsoluteZero.Web.Api.Contracts;

/// <summary>Query string of <c>GET /api/v1/runs</c>.</summary>
public sealed class RunListParameters
{
    /// <summary>queued, running, succeeded, failed or cancelled.</summary>
    [FromQuery(Name = "status")]
    public string? Status { get; init; }

    /// <summary>train or eval.</summary>
    [FromQuery(Name = "kind")]
    public string? Kind { get; init; }

    /// <summary>User name of the submitter.</summary>
    [FromQuery(Name = "owner")]
    public string? Owner { get; init; }

    /// <summary>Runs carrying this tag.</summary>
    [FromQuery(Name = "tag")]
    public string? Tag { get; init; }

    /// <summary>Case-insensitive substring of the name or notes.</summary>
    [FromQuery(Name = "search")]
    public string? Search { get; init; }

    /// <summary>1-based page number (default 1).</summary>
    [FromQuery(Name = "page")]
    public int? Page { get; init; }

    /// <summary>Runs per page, 1–500 (default 50).</summary>
    [FromQuery(Name = "page_size")]
    public int? PageSize { get; init; }

    public RunQuery? ToQuery(FieldErrors errors)
    {
        var status = ParseEnum<RunStatus>("status", Status, errors);
        var kind = ParseEnum<RunKind>("kind", Kind, errors);
        var (page, pageSize) = Paging.Validate(Page, PageSize, RunQuery.DefaultPageSize, RunQuery.MaxPageSize, errors);
        return errors.Any ? null : new RunQuery(status, kind, Owner, Tag, Search, page, pageSize);
    }

    internal static TEnum? ParseEnum<TEnum>(string field, string? text, FieldErrors errors)
        where TEnum : struct, Enum
    {
        if (text is null)
            return null;
        if (SnakeCaseEnumConverter<TEnum>.TryParse(text, out var value))
            return value;
        errors.Add(field, $"unknown value '{text}'; one of: {string.Join(", ", SnakeCaseEnumConverter<TEnum>.Names)}");
        return null;
    }
}
