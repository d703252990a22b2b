using AbsoluteZero.Testing;
using Microsoft.Playwright;

namespace AbsoluteZero.Browser.Tests;

/// <summary>
/// Where tests save page screenshots: <c>AZR_SCREENSHOT_DIR</c> when set (docs/screenshots/ refreshes the committed
/// ones, see docs/ui.md), else a folder under the test output, so an ordinary test run leaves the work tree alone.
/// </summary>
public static class Screenshots
{
    public static string Folder { get; } = Environment.GetEnvironmentVariable("AZR_SCREENSHOT_DIR") is { Length: > 0 } dir
        ? Path.GetFullPath(dir, RepositoryPaths.Root)
        : Path.Combine(AppContext.BaseDirectory, "screenshots");

    public static async Task SaveAsync(IPage page, string name, bool fullPage = false)
    {
        Directory.CreateDirectory(Folder);
        // Let charts and transitions settle; the picture is for people, nothing asserts on it.
        await page.WaitForTimeoutAsync(400);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Folder, name + ".png"), FullPage = fullPage });
    }
}
