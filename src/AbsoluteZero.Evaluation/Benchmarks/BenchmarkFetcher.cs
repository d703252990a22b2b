using System.Net.Sockets;
using System.Security.Cryptography;

namespace AbsoluteZero.Evaluation.Benchmarks;

/// <summary>
/// <c>azr benchmarks fetch</c>: downloads each benchmark's file from its official source (<see cref="BenchmarkCatalog"/>),
/// refuses a download whose checksum differs from the pinned one, checks that it loads and records it in the manifest.
/// Without network it fails per benchmark with a message that says so and how to import a copy instead.
/// </summary>
public sealed class BenchmarkFetcher(HttpClient http)
{
    public async Task<IReadOnlyList<BenchmarkTransfer>> FetchAsync(IReadOnlyList<BenchmarkInfo> benchmarks, string dataDirectory, CancellationToken cancellationToken = default)
    {
        var results = new List<BenchmarkTransfer>();
        foreach (var benchmark in benchmarks)
            results.Add(await FetchOneAsync(benchmark, dataDirectory, cancellationToken).ConfigureAwait(false));
        return results;
    }

    private async Task<BenchmarkTransfer> FetchOneAsync(BenchmarkInfo benchmark, string dataDirectory, CancellationToken cancellationToken)
    {
        var target = BenchmarkCatalog.PathOf(dataDirectory, benchmark);
        var temporary = target + ".downloading";
        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            using (var response = await http.GetAsync(benchmark.File.Url, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false))
            {
                if (!response.IsSuccessStatusCode)
                    return Failed(benchmark, $"the server answered {(int)response.StatusCode} {response.ReasonPhrase}");
                await using var file = File.Create(temporary);
                await response.Content.CopyToAsync(file, cancellationToken).ConfigureAwait(false);
            }

            await using (var downloaded = File.OpenRead(temporary))
            {
                var sha = Convert.ToHexStringLower(await SHA256.HashDataAsync(downloaded, cancellationToken).ConfigureAwait(false));
                if (benchmark.File.Sha256 is { } pinned && pinned != sha)
                    return Failed(benchmark, $"the download's SHA-256 is {sha}, not the pinned {pinned}; nothing was installed");
            }

            File.Move(temporary, target, overwrite: true);
            return new BenchmarkTransfer(benchmark.Name, BenchmarkData.Record(dataDirectory, benchmark, benchmark.File.Url), null);
        }
        catch (Exception e) when (e is HttpRequestException or SocketException or IOException
                                      || (e is TaskCanceledException && !cancellationToken.IsCancellationRequested))
        {
            var reason = e is TaskCanceledException ? $"no answer within {http.Timeout.TotalSeconds:g} s" : e.Message;
            return Failed(benchmark, $"{reason}. This machine seems to have no network access to the source; on a machine that has, run "
                                     + "`azr benchmarks fetch --data-dir DIR`, copy DIR here and run `azr benchmarks import --from DIR`");
        }
        catch (MathSets.BenchmarkDataException e)
        {
            return Failed(benchmark, $"downloaded to {target}, but it does not load: {e.Message}");
        }
        finally
        {
            if (File.Exists(temporary))
                File.Delete(temporary);
        }
    }

    private static BenchmarkTransfer Failed(BenchmarkInfo benchmark, string reason) =>
        new(benchmark.Name, null, $"could not download {benchmark.Name} from {benchmark.File.Url}: {reason}");
}
