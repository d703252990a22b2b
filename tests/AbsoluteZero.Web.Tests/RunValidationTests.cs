using System.Net;
using System.Text;

namespace AbsoluteZero.Web.Tests;

/// <summary>Every bad request gets 400 problem+json naming the field, and writes nothing.</summary>
[Collection(PlatformCollection.Name)]
public sealed class RunValidationTests(PlatformFixture platform)
{
    public static TheoryData<string, string> BadBodies => new()
    {
        { """{"kind":"train","preset":"tiny","steps":0}""", "steps" },
        { """{"kind":"train","preset":"tiny","steps":100001}""", "steps" },
        { """{"kind":"train","preset":"tiny","steps":"ten"}""", "steps" },
        { """{"kind":"train","preset":"tiny","steps":1.5}""", "steps" },
        { """{"kind":"train","steps":5}""", "preset" },
        { """{"kind":"train","preset":"gpt-9"}""", "preset" },
        { """{"kind":"paint","preset":"tiny"}""", "kind" },
        { """{"kind":"train","preset":"tiny","colour":"red"}""", "colour" },
        { """{"kind":"train","preset":"tiny","config":[1,2]}""", "config" },
        { """{"kind":"train","preset":"tiny","config":{"self_play":{"batch_size":0}}}""", "config.self_play.batch_size" },
        { """{"kind":"train","preset":"tiny","config":{"self_play":{"bogus":1}}}""", "config.self_play.bogus" },
        { """{"kind":"train","preset":"tiny","config":{"self_play":null}}""", "config.self_play" },
        { """{"kind":"train","preset":"tiny","config":{"optimization":{"lr_schedule":"zigzag"}}}""", "config.optimization.lr_schedule" },
        { """{"kind":"train","preset":"tiny","queue":"GPU Class!"}""", "queue" },
        { """{"kind":"train","preset":"tiny","tags":["ok","no spaces"]}""", "tags" },
        { """{"kind":"train","preset":"tiny","name":""}""", "name" },
        { """{"kind":"eval","steps":10}""", "steps" },
        { """{"kind":"eval","preset":"nope"}""", "preset" },
        { """{"kind":"eval","config":{"decoding":{"top_p":0}}}""", "config.decoding.top_p" },
        { """{"kind":"eval","config":{"model":{"name":"tiny","path":"/m"}}}""", "config.model" },
        { """{"kind":"eval","config":{"benchmarks":["humaneval-plus","chess"]}}""", "config.benchmarks" },
        { """{"kind":"eval","config":{"model":null}}""", "config.model" },
        { """{"kind":"eval","config":{"temperature":1}}""", "config.temperature" },
    };

    [Theory]
    [MemberData(nameof(BadBodies))]
    public async Task A_bad_field_is_named_and_nothing_is_written(string body, string field)
    {
        using var client = platform.Client(platform.Researcher);
        var before = await CountAsync(client);

        var response = await client.PostAsync("/api/v1/runs", new StringContent(body, Encoding.UTF8, "application/json"));
        var messages = await response.AssertFieldErrorAsync(field);
        Assert.All(messages, m => Assert.False(string.IsNullOrWhiteSpace(m)));
        Assert.Equal(before, await CountAsync(client));
    }

    [Fact]
    public async Task Every_bad_field_is_reported_not_only_the_first()
    {
        using var client = platform.Client(platform.Researcher);
        var response = await client.PostJsonAsync("/api/v1/runs", new { kind = "train", preset = "nope", steps = 0, queue = "A B", name = new string('n', 201) });
        var errors = (await response.AssertProblemAsync(400)).GetProperty("errors");
        foreach (var field in new[] { "preset", "steps", "queue", "name" })
            Assert.True(errors.TryGetProperty(field, out _), $"missing {field} in {errors}");
    }

    [Fact]
    public async Task The_steps_error_says_the_range()
    {
        using var client = platform.Client(platform.Researcher);
        var messages = await (await client.PostJsonAsync("/api/v1/runs", new { kind = "train", preset = "tiny", steps = 0 })).AssertFieldErrorAsync("steps");
        Assert.Contains("100000", messages.Single());
    }

    [Theory]
    [InlineData("{\"kind\": \"train\",")]
    [InlineData("{\"kind\": tr ain}")]
    [InlineData("not json at all")]
    public async Task Malformed_json_is_400_problem_json_saying_where(string body)
    {
        using var client = platform.Client(platform.Researcher);
        var before = await CountAsync(client);
        var response = await client.PostAsync("/api/v1/runs", new StringContent(body, Encoding.UTF8, "application/json"));
        var problem = await response.AssertProblemAsync(400);
        Assert.Equal("Malformed JSON", problem.GetProperty("title").GetString());
        Assert.Contains("line 1", problem.GetProperty("detail").GetString());
        Assert.Equal(before, await CountAsync(client));
    }

    [Fact]
    public async Task An_empty_body_is_400_problem_json()
    {
        using var client = platform.Client(platform.Researcher);
        var response = await client.PostAsync("/api/v1/runs", new StringContent("", Encoding.UTF8, "application/json"));
        await response.AssertProblemAsync(400);
    }

    [Fact]
    public async Task A_body_that_is_not_json_is_415_problem_json()
    {
        using var client = platform.Client(platform.Researcher);
        var response = await client.PostAsync("/api/v1/runs", new StringContent("kind=train", Encoding.UTF8, "application/x-www-form-urlencoded"));
        await response.AssertProblemAsync(415);
    }

    [Theory]
    [InlineData("/api/v1/runs?status=paused", "status")]
    [InlineData("/api/v1/runs?kind=paint", "kind")]
    [InlineData("/api/v1/runs?page=0", "page")]
    [InlineData("/api/v1/runs?page_size=0", "page_size")]
    [InlineData("/api/v1/runs?page_size=501", "page_size")]
    [InlineData("/api/v1/runs?page=abc", "page")]
    [InlineData("/api/v1/runs/1/tasks?task_type=poetry", "task_type")]
    public async Task Bad_query_parameters_are_named(string url, string field)
    {
        using var client = platform.Client(platform.Viewer);
        await (await client.GetAsync(url)).AssertFieldErrorAsync(field);
    }

    [Fact]
    public async Task An_unknown_run_is_404_problem_json()
    {
        using var client = platform.Client(platform.Admin);
        foreach (var path in new[] { "/api/v1/runs/999999", "/api/v1/runs/999999/metrics", "/api/v1/runs/999999/tasks" })
            await (await client.GetAsync(path)).AssertProblemAsync(404);
        await (await client.PostAsync("/api/v1/runs/999999/cancel", null)).AssertProblemAsync(404);
    }

    [Fact]
    public async Task An_unknown_api_route_is_404_problem_json()
    {
        using var client = platform.Client(platform.Admin);
        await (await client.GetAsync("/api/v1/nothing-here")).AssertProblemAsync(404);
    }

    [Fact]
    public async Task Cancelling_a_finished_run_is_409()
    {
        using var client = platform.Client(platform.Researcher);
        var id = await RunPolling.CreateAsync(client, RunPolling.Parked("cancel-twice"));
        Assert.Equal(HttpStatusCode.OK, (await client.PostAsync($"/api/v1/runs/{id}/cancel", null)).StatusCode);
        var problem = await (await client.PostAsync($"/api/v1/runs/{id}/cancel", null)).AssertProblemAsync(409);
        Assert.Contains("cancelled", problem.GetProperty("detail").GetString());
    }

    private static async Task<int> CountAsync(HttpClient client) =>
        (await (await client.GetAsync("/api/v1/runs?page_size=1")).ReadJsonAsync()).GetProperty("total").GetInt32();
}
