namespace AbsoluteZero.Web.Hosting;

/// <summary>Where the host finds <c>appsettings.json</c> and <c>wwwroot/</c>.</summary>
public static class PlatformPaths
{
    /// <summary>
    /// The repository root when <c>azr</c> is started from there (appsettings.json and wwwroot/ live at the root),
    /// else the folder of the binary (publish copies both next to it), else the working directory.
    /// </summary>
    public static string ContentRoot()
    {
        var current = Directory.GetCurrentDirectory();
        if (File.Exists(Path.Combine(current, "appsettings.json")))
            return current;
        var binary = AppContext.BaseDirectory;
        return File.Exists(Path.Combine(binary, "appsettings.json")) ? binary : current;
    }
}
