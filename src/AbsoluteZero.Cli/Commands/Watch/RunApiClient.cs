using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using AbsoluteZero.Core.Json;
using AbsoluteZero.Data.Runs;
using AbsoluteZero.Web.Api.Contracts;
using AbsoluteZero.Web.Live;

namespace AbsoluteZero.Cli.Commands.Watch;

/// <summary>A refusal that no retry will change (token refused, no such run): the watch ends with exit code 1.</summary>
public sealed class WatchRefusedException(string message) : Exception(message);

/// <summary>The two REST reads <c>azr watch</c> needs: a run's status, and its recorded steps after the last one printed.</summary>
public sealed class RunApiClient(Uri server, string token, long runId) : IDisposable
{
    private readonly HttpClient _http = new()
    {
        BaseAddress = server,
        Timeout = TimeSpan.FromSeconds(30),
        DefaultRequestHeaders = { Authorization = new AuthenticationHeaderValue("Bearer", token) },
    };

    public async Task<RunResponse> RunAsync(CancellationToken ct) =>
        await GetAsync<RunResponse>($"/api/v1/runs/{runId}", ct);

    /// <summary>Steps recorded after <paramref name="afterStep"/>, each with all its metrics, in step order.</summary>
    public async Task<IReadOnlyList<StepEvent>> StepsAfterAsync(int afterStep, CancellationToken ct)
    {
        var metrics = await GetAsync<MetricsResponse>($"/api/v1/runs/{runId}/metrics?after_step={afterStep}", ct);
        return metrics.Series
            .SelectMany(s => s.Points.Select(p => (s.Name, Point: p)))
            .GroupBy(p => p.Point.Step)
            .OrderBy(g => g.Key)
            .Select(g => new StepEvent(runId, g.Key, g.ToDictionary(p => p.Name, p => p.Point.Value), g.Max(p => p.Point.WallTime)))
            .ToList();
    }

    private async Task<T> GetAsync<T>(string path, CancellationToken ct)
    {
        using var response = await _http.GetAsync(path, ct);
        if (response.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden)
            throw new WatchRefusedException($"the server refused the token ({(int)response.StatusCode})");
        if (response.StatusCode == HttpStatusCode.NotFound)
            throw new WatchRefusedException($"run {runId} does not exist");
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadFromJsonAsync<T>(AzrJson.Options, ct)
            ?? throw new JsonException($"{path} answered an empty body");
    }

    public void Dispose() => _http.Dispose();
}

internal static class RunStatusNames
{
    public static string Of(RunStatus status) => status.ToString().ToLowerInvariant();
}
