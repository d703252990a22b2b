using AbsoluteZero.Core.Configuration;
using AbsoluteZero.Web.Evaluation;
using AbsoluteZero.Web.Runs;
using Microsoft.AspNetCore.Mvc;

namespace AbsoluteZero.Web.Api.Contracts;

/// <summary>Query string of <c>GET /api/v1/evaluations/{id}/samples</c>; every filter given must hold.</summary>
public sealed class SampleListParameters
{
    /// <summary>Only this benchmark's samples.</summary>
    [FromQuery(Name = "benchmark")]
    public string? Benchmark { get; init; }

    /// <summary>Only passing (true) or failing (false) samples.</summary>
    [FromQuery(Name = "passed")]
    public bool? Passed { get; init; }

    /// <summary>Only this problem's samples (<c>HumanEval/0</c>, <c>60</c>).</summary>
    [FromQuery(Name = "problem_id")]
    public string? ProblemId { get; init; }

    [FromQuery(Name = "page")]
    public int? Page { get; init; }

    /// <summary>Samples per page, 1–200 (default 50); a sample holds a whole response.</summary>
    [FromQuery(Name = "page_size")]
    public int? PageSize { get; init; }

    public SampleFilter? ToFilter(FieldErrors errors)
    {
        if (Benchmark is not null && !BenchmarkNames.IsKnown(Benchmark))
            errors.Add("benchmark", $"unknown benchmark '{Benchmark}'; one of: {string.Join(", ", BenchmarkNames.All)}");
        var (page, pageSize) = Paging.Validate(Page, PageSize, SampleFilter.DefaultPageSize, SampleFilter.MaxPageSize, errors);
        return errors.Any ? null : new SampleFilter(Benchmark, Passed, string.IsNullOrEmpty(ProblemId) ? null : ProblemId, page, pageSize);
    }
}
