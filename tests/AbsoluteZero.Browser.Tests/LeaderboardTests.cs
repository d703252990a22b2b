using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace AbsoluteZero.Browser.Tests;

/// <summary>
/// The Leaderboard and Evaluations pages in a real browser on a real <c>azr serve</c>: the paper's rows labelled
/// reported with their averages, sorting; a tiny evaluation queued from the form (checked as you type), carried out by
/// the real evaluation child, its scores and drill-down; the measured row on the leaderboard. Screenshots of each.
/// </summary>
[Collection(UiCollection.Name)]
public sealed partial class LeaderboardTests(UiFixture ui)
{
    [Fact]
    public async Task The_leaderboard_shows_the_papers_rows_labelled_reported_with_their_averages_and_sorts_by_a_column()
    {
        var page = await ui.LogInAsync(UiFixture.Viewer, width: 1800);
        await page.GotoAsync("/leaderboard");
        await UiFixture.WaitInteractiveAsync(page);

        var reported = page.Locator("tr[data-kind='reported']");
        await Expect(reported).ToHaveCountAsync(25);
        await Expect(page.GetByTestId("averages-rule")).ToContainTextAsync("Overall = (Code + Math) / 2");
        var azrCoder = reported.Filter(new() { HasText = "AZR-Coder-7B (from Qwen2.5-Coder-7B)" });
        await Expect(azrCoder).ToContainTextAsync("reported");
        // Code 61.6, Math 39.1, Overall 50.4 as the paper prints them, computed from the row's nine scores.
        await Expect(azrCoder.Locator("td.num").Nth(0)).ToHaveTextAsync("61.6");
        await Expect(azrCoder.Locator("td.num").Nth(1)).ToHaveTextAsync("39.1");
        await Expect(azrCoder.Locator("td.num").Nth(2)).ToHaveTextAsync("50.4");
        // Sorted by overall: AZR-Coder-14B (53.3) first.
        await Expect(reported.First).ToContainTextAsync("AZR-Coder-14B");

        await page.Locator("[data-sort='math500']").ClickAsync();
        await Expect(reported.First).ToContainTextAsync("ORZ (from Qwen2.5-7B)"); // MATH-500 81.8, the highest reported
        await Screenshots.SaveAsync(page, "leaderboard-reported", fullPage: true);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task A_tiny_evaluation_queued_from_the_form_runs_and_its_samples_and_leaderboard_row_can_be_browsed()
    {
        var page = await ui.LogInAsync(UiFixture.Researcher, width: 1500);
        await page.GotoAsync("/evaluations");
        await UiFixture.WaitInteractiveAsync(page);
        await page.GetByTestId("new-evaluation").ClickAsync();
        await page.WaitForURLAsync("**/evaluations/new");
        await UiFixture.WaitInteractiveAsync(page);

        await page.GetByRole(AriaRole.Button, new() { Name = "none" }).ClickAsync();
        await Expect(page.GetByTestId("form-errors")).ToContainTextAsync("must name at least one benchmark");
        await Expect(page.GetByTestId("queue-evaluation")).ToBeDisabledAsync();
        foreach (var benchmark in new[] { "humaneval-plus", "math500" })
            await page.Locator($"[data-benchmark='{benchmark}'] input").CheckAsync();
        await page.Locator("[data-field='decoding.samples'] input").FillAsync("4");
        await page.Locator("[data-field='decoding.samples'] input").BlurAsync();
        await Expect(page.GetByTestId("eval-decoding")).ToContainTextAsync("greedy decoding (temperature 0) gives one sample");
        await page.Locator("[data-field='decoding.samples'] input").FillAsync("1");
        await page.Locator("[data-field='limit'] input").FillAsync("3");
        await page.Locator("[data-field='decoding.max_new_tokens'] input").FillAsync("24");
        await page.Locator("[data-field='limit'] input").BlurAsync();
        await Expect(page.GetByTestId("form-errors")).ToHaveCountAsync(0);
        await Expect(page.GetByTestId("eval-config-json")).ToContainTextAsync("\"limit\": 3");
        await Expect(page.GetByTestId("eval-summary")).ToContainTextAsync("eval tiny on queue cpu");
        await Screenshots.SaveAsync(page, "evaluation-new", fullPage: true);

        await page.GetByTestId("queue-evaluation").ClickAsync();
        await page.WaitForURLAsync(EvaluationUrl());
        await UiFixture.WaitInteractiveAsync(page);
        await Expect(page.GetByTestId("run-header")).ToContainTextAsync("succeeded", new() { Timeout = 480_000 });
        var scores = page.GetByTestId("eval-scores");
        await Expect(scores.Locator("tr[data-benchmark='humaneval-plus'] [data-testid='pass-at-1']")).ToHaveCountAsync(1);
        await Expect(scores.Locator("tr[data-benchmark='math500']")).ToContainTextAsync("passed");
        await Expect(page.GetByTestId("sample-count")).ToHaveTextAsync("6 samples");

        await scores.Locator("tr[data-benchmark='humaneval-plus']").GetByRole(AriaRole.Button, new() { Name = "samples" }).ClickAsync();
        await Expect(page.GetByTestId("sample-count")).ToHaveTextAsync("3 samples");
        await page.Locator("[data-sample-id]").First.ClickAsync();
        var view = page.GetByTestId("sample-view");
        await Expect(view).ToContainTextAsync("HumanEval/0");
        await Expect(view.GetByTestId("program")).ToContainTextAsync("def has_close_elements");
        await Expect(view.GetByTestId("failure-detail")).ToContainTextAsync("input:");
        await Screenshots.SaveAsync(page, "evaluation-detail", fullPage: true);

        await page.GotoAsync("/evaluations");
        await UiFixture.WaitInteractiveAsync(page);
        await Expect(page.GetByTestId("evaluations-table")).ToContainTextAsync("eval tiny");
        await Screenshots.SaveAsync(page, "evaluations");

        await page.GotoAsync("/leaderboard?benchmark=humaneval-plus&benchmark=math500&family=qwen2&sort=math500");
        await UiFixture.WaitInteractiveAsync(page);
        var measured = page.Locator("tr[data-kind='measured']");
        await Expect(measured).ToHaveCountAsync(1);
        await Expect(measured).ToContainTextAsync("only the first 3 problems");
        await Expect(page.Locator("tr[data-kind='reported']")).ToHaveCountAsync(22); // the Qwen rows
        await Expect(page.Locator("[data-testid='leaderboard'] thead th")).ToHaveCountAsync(6 + 2);
        await Screenshots.SaveAsync(page, "leaderboard", fullPage: true);
        await measured.Locator("a.eval-cell").Last.ClickAsync();
        await page.WaitForURLAsync("**/evaluations/*?benchmark=math500");
        await UiFixture.WaitInteractiveAsync(page);
        await Expect(page.GetByTestId("sample-count")).ToHaveTextAsync("3 samples");
        await Expect(page.GetByTestId("sample-view")).ToContainTextAsync("Reference");
        await page.Context.CloseAsync();
    }

    [GeneratedRegex(@"/evaluations/\d+$")]
    private static partial Regex EvaluationUrl();
}
