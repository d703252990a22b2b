namespace AbsoluteZero.Web.Api.Contracts;

/// <summary>One page of a list: <see cref="Total"/> counts every match, <see cref="Page"/> is 1-based.</summary>
public sealed record Paged<T>(IReadOnlyList<T> Items, int Total, int Page, int PageSize);
