namespace AbsoluteZero.Data.Identity;

/// <summary>
/// A bearer token for REST and the SignalR hub. Only its SHA-256 hash is stored: the token itself is shown once,
/// when it is made.
/// </summary>
public sealed class ApiToken
{
    public long Id { get; set; }

    public required string UserId { get; set; }

    public AzrUser? User { get; set; }

    /// <summary>What the token is for, chosen by its owner (<c>cli</c>, <c>trainer</c>, …).</summary>
    public required string Name { get; set; }

    /// <summary>Lower-case hex SHA-256 of the token.</summary>
    public required string TokenHash { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset? LastUsedAt { get; set; }
}
