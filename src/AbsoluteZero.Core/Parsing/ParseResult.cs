namespace AbsoluteZero.Core.Parsing;

/// <summary>What a parser made of model text: a value, or the reason (in words, as the buffer browser shows it) it could not.</summary>
public sealed record ParseResult<T>(T? Value, string? Failure)
    where T : class
{
    public bool Ok => Failure is null;

    public static ParseResult<T> Success(T value) => new(value, null);

    public static ParseResult<T> Fail(string reason) => new(null, reason);
}
