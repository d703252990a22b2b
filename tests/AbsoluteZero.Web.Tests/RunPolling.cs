using System.Text.Json;

namespace AbsoluteZero.Web.Tests;

/// <summary>Waiting for a run to reach a state through the public API, with a deadline instead of fixed sleeps.</summary>
public static class RunPolling
{
    public static async Task<JsonElement> WaitForAsync(HttpClient client, long runId, Func<JsonElement, bool> condition, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(60));
        JsonElement run;
        do
        {
            var response = await client.GetAsync($"/api/v1/runs/{runId}");
            response.EnsureSuccessStatusCode();
            run = await response.ReadJsonAsync();
            if (condition(run))
                return run;
            await Task.Delay(100);
        }
        while (DateTime.UtcNow < deadline);

        throw new TimeoutException($"run {runId} never reached the expected state; last seen: {run}");
    }

    public static Task<JsonElement> WaitForStatusAsync(HttpClient client, long runId, string status, TimeSpan? timeout = null) =>
        WaitForAsync(client, runId, r => r.GetProperty("status").GetString() == status, timeout);

    public static async Task<long> CreateAsync(HttpClient client, object body)
    {
        var response = await client.PostJsonAsync("/api/v1/runs", body);
        Assert.True(response.IsSuccessStatusCode, $"create failed: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return (await response.ReadJsonAsync()).GetProperty("id").GetInt64();
    }

    /// <summary>A training run on a queue no server in the tests listens to, so it stays queued.</summary>
    public static object Parked(string tag) => new { kind = "train", preset = "tiny", steps = 2, queue = "parked", tags = new[] { tag } };
}
