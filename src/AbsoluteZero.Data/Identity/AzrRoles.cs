namespace AbsoluteZero.Data.Identity;

/// <summary>
/// The three roles. Admin: everything, including the Hangfire dashboard and other people's runs. Researcher: queue
/// runs and cancel their own. Viewer: read only.
/// </summary>
public static class AzrRoles
{
    public const string Admin = "Admin";
    public const string Researcher = "Researcher";
    public const string Viewer = "Viewer";

    public static readonly IReadOnlyList<string> All = [Admin, Researcher, Viewer];

    /// <summary>The role for a command-line spelling (<c>admin</c>, <c>researcher</c>, <c>viewer</c>), or null.</summary>
    public static string? Parse(string name) =>
        All.FirstOrDefault(r => string.Equals(r, name, StringComparison.OrdinalIgnoreCase));
}
