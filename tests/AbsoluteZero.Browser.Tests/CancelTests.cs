using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace AbsoluteZero.Browser.Tests;

[Collection(UiCollection.Name)]
public sealed class CancelTests(UiFixture ui)
{
    /// <summary>Queues a tiny run on the gpu queue, which no worker of the test platform serves, so it stays queued.</summary>
    private static async Task<string> QueueWaitingRunAsync(IPage page, string name)
    {
        await page.GotoAsync("/runs/new");
        await UiFixture.WaitInteractiveAsync(page);
        await page.GetByTestId("run-name").FillAsync(name);
        await page.GetByLabel("Queue (GPU class)").ClickAsync();
        await page.Locator(".mud-popover-open .mud-list-item", new() { HasText = "gpu" }).First.ClickAsync();
        await Expect(page.GetByTestId("config-json")).ToContainTextAsync("\"steps\"");
        await page.GetByTestId("queue-run").ClickAsync();
        await page.WaitForURLAsync(RunFormTests.RunUrl());
        await Expect(page.GetByTestId("run-header")).ToContainTextAsync("queued");
        return page.Url;
    }

    [Fact]
    public async Task The_owner_cancels_a_queued_run_and_sees_it_cancelled()
    {
        var page = await ui.LogInAsync(UiFixture.Researcher);
        await QueueWaitingRunAsync(page, "to be cancelled");

        await page.GetByTestId("cancel-run").ClickAsync();

        await Expect(page.GetByTestId("run-header")).ToContainTextAsync("cancelled");
        await Expect(page.GetByTestId("run-header")).ToContainTextAsync("by rita");
        await Expect(page.GetByTestId("cancel-run")).ToBeDisabledAsync();
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task A_viewer_sees_actions_disabled_and_cannot_cancel()
    {
        var researcher = await ui.LogInAsync(UiFixture.Researcher);
        var runUrl = await QueueWaitingRunAsync(researcher, "viewer may not cancel");
        await researcher.Context.CloseAsync();

        var viewer = await ui.LogInAsync(UiFixture.Viewer);
        await Expect(viewer.GetByTestId("new-run")).ToBeDisabledAsync();
        await viewer.GotoAsync(runUrl);
        await UiFixture.WaitInteractiveAsync(viewer);

        await Expect(viewer.GetByTestId("run-header")).ToContainTextAsync("queued");
        await Expect(viewer.GetByTestId("cancel-run")).ToBeDisabledAsync();
        await Expect(viewer.GetByTestId("fork-run")).ToBeDisabledAsync();
        await viewer.GetByTestId("cancel-run").HoverAsync(new() { Force = true });
        await Expect(viewer.GetByText("Viewers cannot cancel runs.")).ToBeVisibleAsync();
        // The run is still queued: nothing was cancelled behind the disabled button.
        await viewer.ReloadAsync();
        await Expect(viewer.GetByTestId("run-header")).ToContainTextAsync("queued");
        await viewer.Context.CloseAsync();
    }
}
