using System.Text.Json.Nodes;
using AbsoluteZero.Core.Buffers;
using AbsoluteZero.Core.Configuration;
using AbsoluteZero.Core.Tasks;
using AbsoluteZero.Web.Api;
using AbsoluteZero.Web.Training;
using Microsoft.Extensions.DependencyInjection;

namespace AbsoluteZero.Web.Tests.Training;

/// <summary>Buffer snapshots: the buffers after a step, as seed-format JSONL that Core's seed reader takes back.</summary>
[Collection(PlatformCollection.Name)]
public sealed class BufferSnapshotTests(PlatformFixture platform) : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("azr-buffers-").FullName;

    [Fact]
    public async Task The_buffers_after_a_step_round_trip_through_the_seed_reader()
    {
        using var client = platform.Client(platform.Viewer);
        using var owner = platform.Client(platform.Researcher);
        var id = await RunPolling.CreateAsync(owner, RunPolling.Parked("buffers"));
        await TrainingRows.RecordAsync(platform, id,
            TrainingRows.Triplet(TaskType.Abduction, 0, SeedTasks.IdentityProgram, "\"Hello world\"", "\"Hello world\"", origin: "seed"),
            TrainingRows.Triplet(TaskType.Deduction, 0, SeedTasks.IdentityProgram, "\"Hello world\"", "\"Hello world\"", origin: "seed"),
            TrainingRows.Induction(0, SeedTasks.IdentityProgram, ["1", "2"], ["1", "2"], "identity", origin: "seed"),
            TrainingRows.Triplet(TaskType.Deduction, 1, "import math\ndef f(x):\n    return math.floor(x)", "2.5", "2", imports: """["import math"]"""),
            TrainingRows.Triplet(TaskType.Deduction, 1, "def f(x)", "1", "", valid: false, added: false, reason: "syntax error"),
            TrainingRows.Triplet(TaskType.Deduction, 1, "def f(x):\n    return -x", "1", "-1", added: false, reason: "the deduction buffer is full"),
            TrainingRows.Induction(2, "def f(s):\n    return s.upper()", ["'a'", "'b'", "'c'", "'d'"], ["'A'", "'B'", "'C'", "'D'"], "upper-cases"),
            TrainingRows.Triplet(TaskType.Deduction, 2, "def f(x):\n    return x + 1", "1", "2"));

        var deductionAfter1 = await SaveAsync(client, id, "step=1&type=deduction");
        var triplets = SeedFile.ReadTriplets(deductionAfter1);
        Assert.Equal(
            [(SeedTasks.IdentityProgram, "\"Hello world\""), ("import math\ndef f(x):\n    return math.floor(x)", "2.5")],
            triplets.Select(t => (t.Program, t.Input)));
        Assert.Equal(["import math"], triplets[1].Imports);
        Assert.Equal("2", triplets[1].Output);

        var inductionNow = SeedFile.ReadInductionTasks(await SaveAsync(client, id, "step=2&type=induction"));
        Assert.Equal(["identity", "upper-cases"], inductionNow.Select(t => t.Message));
        Assert.Equal(["'A'", "'B'", "'C'", "'D'"], inductionNow[1].Outputs);

        // All three buffers, in abduction, deduction, induction order, each row saying which buffer and step.
        var all = File.ReadAllLines(await SaveAsync(client, id, "step=2")).Select(l => JsonNode.Parse(l)!.AsObject()).ToList();
        Assert.Equal(["abduction", "deduction", "deduction", "deduction", "induction", "induction"], all.Select(r => (string)r["task_type"]!));
        Assert.Equal([0, 0, 1, 2, 0, 2], all.Select(r => (int)r["step"]!));
        Assert.Equal(2, (await SaveLinesAsync(client, id, "step=0")).Count(l => l.Contains("\"deduction\"") || l.Contains("\"abduction\"")));

        await (await client.GetAsync($"/api/v1/runs/{id}/buffers?type=coding")).AssertFieldErrorAsync("type");
        await (await client.GetAsync($"/api/v1/runs/{id}/buffers?step=-1")).AssertFieldErrorAsync("step");
        await (await client.GetAsync("/api/v1/runs/987654/buffers")).AssertProblemAsync(404);
    }

    [Fact]
    public async Task Seed_files_for_a_fork_merge_the_triplet_buffers_without_duplicates_and_keep_an_evicting_buffer_to_its_cap()
    {
        using var owner = platform.Client(platform.Researcher);
        var id = await RunPolling.CreateAsync(owner, RunPolling.Parked("seed-files"));
        await TrainingRows.RecordAsync(platform, id,
            TrainingRows.Triplet(TaskType.Abduction, 0, SeedTasks.IdentityProgram, "1", "1", origin: "seed"),
            TrainingRows.Triplet(TaskType.Deduction, 0, SeedTasks.IdentityProgram, "1", "1", origin: "seed"),
            TrainingRows.Triplet(TaskType.Deduction, 1, "def f(x):\n    return x + 1", "1", "2"),
            TrainingRows.Triplet(TaskType.Abduction, 2, "def f(x):\n    return x * 3", "1", "3"),
            TrainingRows.Induction(1, SeedTasks.IdentityProgram, ["1", "2"], ["1", "2"], "identity"));
        var snapshots = platform.Services.GetRequiredService<BufferSnapshots>();

        var files = await snapshots.WriteSeedFilesAsync(id, new SelfPlaySettings(), 1, _folder, CancellationToken.None);
        Assert.Equal([SeedTasks.IdentityProgram, "def f(x):\n    return x + 1"], SeedFile.ReadTriplets(files.Triplets).Select(t => t.Program));
        Assert.Single(SeedFile.ReadInductionTasks(files.InductionTasks));

        // evict_oldest with room for 1: the deduction buffer after step 1 holds only its newest task.
        var capped = new SelfPlaySettings { MaxBufferSize = 1, BufferOverflow = BufferOverflow.EvictOldest };
        var rows = new List<JsonObject>();
        await foreach (var row in snapshots.RowsAsync(id, capped, 1, TaskType.Deduction, CancellationToken.None))
            rows.Add(row);
        Assert.Equal("def f(x):\n    return x + 1", (string)Assert.Single(rows)["snippet"]!);
    }

    private async Task<string> SaveAsync(HttpClient client, long id, string query)
    {
        var response = await client.GetAsync($"/api/v1/runs/{id}/buffers?{query}");
        response.EnsureSuccessStatusCode();
        Assert.Equal(TrainingApi.JsonLines, response.Content.Headers.ContentType?.MediaType);
        var path = Path.Combine(_folder, $"{Guid.NewGuid():N}.jsonl");
        await File.WriteAllBytesAsync(path, await response.Content.ReadAsByteArrayAsync());
        return path;
    }

    private async Task<string[]> SaveLinesAsync(HttpClient client, long id, string query) => File.ReadAllLines(await SaveAsync(client, id, query));

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
