using System.Text.Json;
using AbsoluteZero.Core.Grading;
using AbsoluteZero.Core.SelfPlay;
using AbsoluteZero.Core.Tasks;
using AbsoluteZero.Data;
using AbsoluteZero.Web.Training;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AbsoluteZero.Web.Tests.Training;

/// <summary>The trainer's task records as rows: every field kept, hostile text made storable.</summary>
[Collection(PlatformCollection.Name)]
public sealed class TaskRowsTests(PlatformFixture platform)
{
    [Fact]
    public async Task A_proposal_with_nul_characters_and_lone_surrogates_is_stored_with_replacement_characters()
    {
        using var client = platform.Client(platform.Researcher);
        var id = await RunPolling.CreateAsync(client, RunPolling.Parked("task-rows"));
        var proposal = new ProposedTask
        {
            Step = 3, TaskType = TaskType.Induction, Origin = TaskOrigin.Proposal, Valid = false, FormatOk = true, AddedToBuffer = false,
            Reason = "syntax: line 1\0", Program = "def f(a):\n    return '\0'", Inputs = ["'\uD800'", "1"], Message = "m\0",
            Thought = "think \uDC00 😀", Response = "<answer>\0</answer>", Reward = -1, Imports = ["import math"],
            SolverAnswers = [new GradedAnswer("\0", false, "wrong")],
        };
        await TrainingRows.RecordAsync(platform, id, new TaskRecord(TaskRows.From(proposal, DateTimeOffset.UtcNow)));

        await using var db = await platform.Services.GetRequiredService<IDbContextFactory<AzrDbContext>>().CreateDbContextAsync();
        var row = await db.Tasks.SingleAsync(t => t.RunId == id);
        Assert.Equal(("proposed", 3, TaskType.Induction, false, false), (row.Origin, row.Step, row.TaskType, row.Valid, row.AddedToBuffer));
        Assert.Equal("def f(a):\n    return '\uFFFD'", row.Program);
        Assert.Equal("syntax: line 1\uFFFD", row.FailureReason);
        Assert.Equal(["'\uFFFD'", "1"], JsonSerializer.Deserialize<string[]>(row.Inputs!)!);
        Assert.Null(row.Outputs);
        Assert.Equal("m\uFFFD", row.Message);
        Assert.Equal(-1, row.ProposerReward);
        Assert.Null(row.SolveRate);
        using var detail = JsonDocument.Parse(row.ProposerDetail!);
        Assert.Equal("think \uFFFD 😀", detail.RootElement.GetProperty("thought").GetString());
        Assert.Equal("<answer>\uFFFD</answer>", detail.RootElement.GetProperty("response").GetString());
        Assert.True(detail.RootElement.GetProperty("format_ok").GetBoolean());
        using var answers = JsonDocument.Parse(row.SolverAnswers!);
        Assert.Equal("\uFFFD", answers.RootElement[0].GetProperty("answer").GetString());
        Assert.Equal(["import math"], JsonSerializer.Deserialize<string[]>(row.Imports!)!);
    }

    [Fact]
    public void A_seed_has_no_proposer_side()
    {
        var row = TaskRows.From(ProposedTask.Seed(TaskType.Deduction, Core.Buffers.SeedTasks.ZeroTriplet), DateTimeOffset.UtcNow);
        Assert.Equal(("seed", 0, true, true), (row.Origin, row.Step, row.Valid, row.AddedToBuffer));
        Assert.Null(row.ProposerDetail);
        Assert.Null(row.SolverAnswers);
        Assert.Equal(Core.Buffers.SeedTasks.IdentityProgram, row.Program);
    }

    [Fact]
    public void A_run_folder_is_claimed_once_and_refused_to_any_other_run()
    {
        var folder = Path.Combine(Path.GetTempPath(), $"azr-run-folder-{Guid.NewGuid():N}");
        try
        {
            var run = new Data.Runs.Run { Id = 7, Name = "r", Config = "{}", Queue = "cpu", Owner = "o", CreatedAt = DateTimeOffset.UtcNow };
            Assert.Null(RunFolder.Claim(folder, run));
            Assert.Null(RunFolder.Claim(folder, run));
            var other = new Data.Runs.Run { Id = 7, Name = "r", Config = "{}", Queue = "cpu", Owner = "o", CreatedAt = run.CreatedAt.AddDays(-1) };
            Assert.Contains("belongs to run 7", RunFolder.Claim(folder, other));

            var unmarked = folder + "-unmarked";
            Directory.CreateDirectory(Path.Combine(unmarked, "checkpoints"));
            Assert.Contains("no run.json", RunFolder.Claim(unmarked, run));
            Directory.Delete(unmarked, recursive: true);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
