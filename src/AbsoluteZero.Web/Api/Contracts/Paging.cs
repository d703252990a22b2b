using AbsoluteZero.Web.Runs;

namespace AbsoluteZero.Web.Api.Contracts;

internal static class Paging
{
    public static (int Page, int PageSize) Validate(int? page, int? pageSize, int defaultSize, int maxSize, FieldErrors errors)
    {
        if (page is < 1)
            errors.Add("page", "must be 1 or more");
        if (pageSize is < 1 || pageSize > maxSize)
            errors.Add("page_size", $"must be between 1 and {maxSize}");
        return (page ?? 1, pageSize ?? defaultSize);
    }
}
