using Microsoft.AspNetCore.Identity;

namespace AbsoluteZero.Data.Identity;

/// <summary>A team member: logs in to the UI with a password, scripts with API tokens.</summary>
public sealed class AzrUser : IdentityUser
{
    public DateTimeOffset CreatedAt { get; set; }
}
