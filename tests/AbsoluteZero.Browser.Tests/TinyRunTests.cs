using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace AbsoluteZero.Browser.Tests;

/// <summary>
/// A real tiny training run, queued from the form and trained by the platform's own cpu worker (the trainer as a child
/// process), watched live in the browser, then browsed: tasks, evaluating its checkpoint, and every page for the screenshots.
/// </summary>
[Collection(UiCollection.Name)]
public sealed class TinyRunTests(UiFixture ui)
{
    private static readonly LocatorAssertionsToContainTextOptions Training = new() { Timeout = 420_000 };

    [Fact]
    public async Task A_tiny_run_from_the_form_updates_live_and_its_tasks_and_pages_can_be_browsed()
    {
        var page = await ui.LogInAsync(UiFixture.Researcher);
        await page.GotoAsync("/runs/new");
        await UiFixture.WaitInteractiveAsync(page);
        await page.GetByTestId("run-name").FillAsync("live tiny");
        await page.Locator("[data-field='schedule.steps'] input").FillAsync("3");
        await page.Locator("[data-field='schedule.save_every'] input").FillAsync("2");
        await Expect(page.GetByTestId("config-json")).ToContainTextAsync("\"save_every\": 2");
        await page.GetByTestId("queue-run").ClickAsync();
        await page.WaitForURLAsync(RunFormTests.RunUrl());
        var runUrl = page.Url;

        try
        {
            await WatchLiveAsync(page);
        }
        catch (Exception e) when (e is PlaywrightException or TimeoutException)
        {
            await Screenshots.SaveAsync(page, "failure-live");
            var header = await page.GetByTestId("run-header").CountAsync() > 0 ? await page.GetByTestId("run-header").InnerTextAsync() : "(no run header on the page)";
            throw new Exception($"{e.Message}\nrun header: {header}\nserver:\n{ui.ServerTail()}", e);
        }

        // Tasks: the buffer browser lists what the run proposed; a task shows its program.
        await page.GetByRole(AriaRole.Tab, new() { Name = "Tasks" }).ClickAsync();
        var firstTask = page.Locator(".task-row[data-task-id]").First;
        await firstTask.ClickAsync();
        await Expect(page.GetByTestId("task-view")).ToBeVisibleAsync();
        await Expect(page.GetByTestId("program")).ToContainTextAsync("def");
        await Screenshots.SaveAsync(page, "run-tasks");

        // Evaluate latest checkpoint: the New-evaluation form opens with this run's checkpoint as the model.
        var runId = new Uri(runUrl).AbsolutePath.Split('/')[^1];
        await page.GetByTestId("evaluate-run").ClickAsync();
        await page.WaitForURLAsync($"**/evaluations/new?run_id={runId}");
        await UiFixture.WaitInteractiveAsync(page);
        await Expect(page.GetByTestId("eval-config-json")).ToContainTextAsync($"\"run_id\": {runId}");

        await TourAsync(ui, runUrl);
        await page.Context.CloseAsync();
    }

    /// <summary>The step counter and a chart move while the page stays loaded (status events, then step events); the run ends succeeded.</summary>
    private static async Task WatchLiveAsync(IPage page)
    {
        await Expect(page.GetByTestId("run-header")).ToContainTextAsync("running", new() { Timeout = 120_000 });
        var step = page.GetByTestId("run-step");
        await Expect(step).Not.ToHaveTextAsync("0", new() { Timeout = 300_000 });
        var firstSeen = int.Parse(await step.InnerTextAsync());
        var reward = page.Locator(".azr-chart[data-chart='Reward per task × role']");
        await Expect(reward).ToHaveAttributeAsync("data-points", new System.Text.RegularExpressions.Regex("^[1-9]"), new() { Timeout = 60_000 });
        var pointsBefore = int.Parse((await reward.GetAttributeAsync("data-points"))!);
        await page.WaitForFunctionAsync(
            "([before, points]) => Number(document.querySelector(\"[data-testid='run-step']\").textContent) > before && Number(document.querySelector(\".azr-chart[data-chart='Reward per task × role']\").dataset.points) > points",
            new object[] { firstSeen, pointsBefore }, new() { Timeout = 300_000 });
        await Screenshots.SaveAsync(page, "run-overview-live");
        await Expect(page.GetByTestId("run-header")).ToContainTextAsync("succeeded", Training);
        await Expect(step).ToHaveTextAsync("3");
    }

    /// <summary>Every page, as an admin, wide and at 420 px: none shows an error, and each is saved for people to look at.</summary>
    private static async Task TourAsync(UiFixture ui, string runUrl)
    {
        var page = await ui.LogInAsync(UiFixture.Admin);
        var run = new Uri(runUrl).AbsolutePath;
        var pages = new List<(string Name, string Path)>
        {
            ("runs", "/runs"), ("new-run", "/runs/new"), ("fork", $"/runs/new?from={run.Split('/')[^1]}"), ("models", "/models"), ("workers", "/workers"),
            ("evaluations", "/evaluations"), ("leaderboard", "/leaderboard"),
            ("run-overview", run), ("run-metrics", run + "?tab=metrics"), ("run-checkpoints", run + "?tab=checkpoints"),
            ("run-config", run + "?tab=config"), ("run-logs", run + "?tab=logs"),
        };
        foreach (var (name, path) in pages)
            await VisitAsync(page, name, path);

        await page.SetViewportSizeAsync(420, 860);
        foreach (var (name, path) in pages.Where(p => p.Name is "runs" or "new-run" or "run-overview"))
            await VisitAsync(page, name + "-narrow", path);
        await page.Context.CloseAsync();
    }

    private static async Task VisitAsync(IPage page, string name, string path)
    {
        await page.GotoAsync(path);
        await UiFixture.WaitInteractiveAsync(page);
        await Expect(page.GetByTestId("page-error")).ToHaveCountAsync(0);
        await Expect(page.Locator("#blazor-error-ui")).ToBeHiddenAsync();
        // The Overview is the one page worth seeing whole: all its charts.
        await Screenshots.SaveAsync(page, name, fullPage: name == "run-overview");
    }
}
