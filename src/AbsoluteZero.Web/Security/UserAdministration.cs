using AbsoluteZero.Data;
using AbsoluteZero.Data.Identity;
using Microsoft.AspNetCore.Identity;

namespace AbsoluteZero.Web.Security;

/// <summary>What <c>azr users add</c> made: the password and token are shown once and stored only hashed.</summary>
public sealed record CreatedUser(string User, string Role, string? Password, string? Token);

/// <summary>A refusal with a message fit for the command line (user exists, unknown role, weak password).</summary>
public sealed class UserAdministrationException(string message) : Exception(message);

/// <summary>Creates users, sets passwords and issues API tokens; used by <c>azr users</c>, the start script and tests.</summary>
public sealed class UserAdministration(UserManager<AzrUser> users, RoleManager<IdentityRole> roles, AzrDbContext db, TimeProvider time)
{
    public async Task EnsureRolesAsync()
    {
        foreach (var role in AzrRoles.All)
        {
            if (!await roles.RoleExistsAsync(role))
                Check(await roles.CreateAsync(new IdentityRole(role)));
        }
    }

    /// <summary>
    /// Adds a user with one role. Without a token a password is set (the given one, else a generated one that is
    /// returned); with a token and no given password the user has no UI password and works through the API only.
    /// </summary>
    public async Task<CreatedUser> AddAsync(string name, string roleName, bool withToken, string? password, CancellationToken ct = default)
    {
        var role = AzrRoles.Parse(roleName)
            ?? throw new UserAdministrationException($"unknown role '{roleName}'; use admin, researcher or viewer");
        if (await users.FindByNameAsync(name) is not null)
            throw new UserAdministrationException($"user '{name}' already exists");

        await EnsureRolesAsync();
        var generated = password is null && !withToken ? AzrIdentity.GeneratePassword() : null;
        var user = new AzrUser { UserName = name, CreatedAt = time.GetUtcNow() };
        var chosen = password ?? generated;
        Check(chosen is null ? await users.CreateAsync(user) : await users.CreateAsync(user, chosen));
        Check(await users.AddToRoleAsync(user, role));
        var token = withToken ? await IssueTokenAsync(user, "cli", ct) : null;
        return new CreatedUser(name, role.ToLowerInvariant(), generated, token);
    }

    /// <summary>Sets a new password (the given one, else a generated one, which is returned).</summary>
    public async Task<string?> ResetPasswordAsync(string name, string? password)
    {
        var user = await users.FindByNameAsync(name) ?? throw new UserAdministrationException($"no user '{name}'");
        var chosen = password ?? AzrIdentity.GeneratePassword();
        if (await users.HasPasswordAsync(user))
            Check(await users.RemovePasswordAsync(user));
        Check(await users.AddPasswordAsync(user, chosen));
        await users.SetLockoutEndDateAsync(user, null);
        return password is null ? chosen : null;
    }

    public async Task<string> IssueTokenAsync(AzrUser user, string tokenName, CancellationToken ct = default)
    {
        var token = ApiTokens.Create();
        db.ApiTokens.Add(new ApiToken { UserId = user.Id, Name = tokenName, TokenHash = ApiTokens.Hash(token), CreatedAt = time.GetUtcNow() });
        await db.SaveChangesAsync(ct);
        return token;
    }

    public async Task<string> IssueTokenAsync(string name, string tokenName, CancellationToken ct = default)
    {
        var user = await users.FindByNameAsync(name)
            ?? throw new UserAdministrationException($"no user '{name}'");
        return await IssueTokenAsync(user, tokenName, ct);
    }

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded)
            throw new UserAdministrationException(string.Join("; ", result.Errors.Select(e => e.Description)));
    }
}
