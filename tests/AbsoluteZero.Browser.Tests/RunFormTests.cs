using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace AbsoluteZero.Browser.Tests;

[Collection(UiCollection.Name)]
public sealed partial class RunFormTests(UiFixture ui)
{
    [Fact]
    public async Task Logging_in_shows_the_runs_page_with_the_user_and_role()
    {
        var page = await ui.LogInAsync(UiFixture.Researcher);

        await Expect(page.GetByTestId("who")).ToHaveTextAsync("rita · researcher");
        await Expect(page.Locator("h4", new() { HasText = "Runs" })).ToBeVisibleAsync();
        await Expect(page.GetByTestId("new-run")).ToBeEnabledAsync();
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task The_form_checks_fields_as_you_type_with_the_rest_rules_and_queues_the_run()
    {
        var page = await ui.LogInAsync(UiFixture.Researcher);
        await page.GetByTestId("new-run").ClickAsync();
        await page.WaitForURLAsync("**/runs/new");

        var steps = page.Locator("[data-field='schedule.steps'] input");
        await steps.FillAsync("0");
        await Expect(page.Locator("[data-field='schedule.steps']")).ToContainTextAsync("must be between 1 and 100000 (got 0)");
        await Expect(page.GetByTestId("queue-run")).ToBeDisabledAsync();

        var batch = page.Locator("[data-field='self_play.batch_size'] input");
        await page.Locator("[data-group='self_play'] .mud-expand-panel-header").ClickAsync();
        await batch.FillAsync("two");
        await Expect(page.Locator("[data-field='self_play.batch_size']")).ToContainTextAsync("must be a whole number");
        await batch.FillAsync("2");
        await steps.FillAsync("3");
        await Expect(page.GetByTestId("form-errors")).ToHaveCountAsync(0);
        await Expect(page.GetByTestId("config-json")).ToContainTextAsync("\"batch_size\": 2");
        await Expect(page.GetByTestId("config-json")).ToContainTextAsync("\"steps\": 3");

        await page.GetByTestId("run-name").FillAsync("form smoke");
        await page.GetByTestId("queue-run").ClickAsync();
        await page.WaitForURLAsync(RunUrl());
        await Expect(page.GetByTestId("run-header")).ToContainTextAsync("form smoke");
        await Expect(page.GetByTestId("run-header")).ToContainTextAsync("rita");
        await page.Context.CloseAsync();
    }

    [GeneratedRegex(@"/runs/\d+$")]
    internal static partial Regex RunUrl();
}
