using AbsoluteZero.Testing;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace AbsoluteZero.Browser.Tests;

/// <summary>
/// Visits every page as an admin, checks each renders without an error message, and saves a screenshot of each
/// (wide and at 420 px) for people to look at.
/// </summary>
[Collection(UiCollection.Name)]
public sealed class PageTour(UiFixture ui)
{
    [Fact]
    public async Task Every_page_renders_without_errors_wide_and_narrow()
    {
        var page = await ui.LogInAsync(UiFixture.Admin);
        var latest = await page.Locator("[data-run-id]").First.GetAttributeAsync("data-run-id");
        var pages = new List<(string Name, string Path)>
        {
            ("runs", "/runs"), ("new-run", "/runs/new"), ("models", "/models"), ("workers", "/workers"),
            ("evaluations", "/evaluations"), ("leaderboard", "/leaderboard"),
        };
        if (latest is not null)
        {
            foreach (var tab in new[] { "overview", "metrics", "tasks", "checkpoints", "config", "logs" })
                pages.Add(($"run-{tab}", $"/runs/{latest}?tab={tab}"));
        }

        foreach (var (name, path) in pages)
        {
            await page.GotoAsync(path);
            await UiFixture.WaitInteractiveAsync(page);
            await Expect(page.GetByTestId("page-error")).ToHaveCountAsync(0);
            await Expect(page.Locator("#blazor-error-ui")).ToBeHiddenAsync();
            await Screenshots.SaveAsync(page, name);
        }

        await page.SetViewportSizeAsync(420, 860);
        foreach (var (name, path) in pages.Where(p => p.Name is "runs" or "new-run" or "run-overview" or "run-tasks"))
        {
            await page.GotoAsync(path);
            await UiFixture.WaitInteractiveAsync(page);
            await Expect(page.GetByTestId("page-error")).ToHaveCountAsync(0);
            await Screenshots.SaveAsync(page, name + "-narrow");
        }

        await page.Context.CloseAsync();
    }
}
