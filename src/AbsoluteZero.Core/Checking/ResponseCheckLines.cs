using System.Text.Json;
using AbsoluteZero.Core.Execution;
using AbsoluteZero.Core.Configuration;
using AbsoluteZero.Core.Json;

namespace AbsoluteZero.Core.Checking;

/// <summary>
/// The <c>azr check-response</c> stream: one request per input line, one verdict per output line in the same order.
/// Several lines are judged at once (the sandbox runs them in parallel). A line that is not a valid request is
/// answered in its place with its id (when readable) and the reason, and reported on the error writer with its
/// line number; the other lines are unaffected.
/// </summary>
public static class ResponseCheckLines
{
    /// <returns>The number of lines that were not valid requests.</returns>
    public static async Task<int> RunAsync(ICodeExecutor executor, RunConfig config, TextReader input, TextWriter output, TextWriter errors,
        int parallelism, CancellationToken cancellationToken = default)
    {
        var checker = new ResponseChecker(executor, config);
        var pending = new Queue<Task<ResponseCheckResult>>();
        var bad = 0;
        var lineNumber = 0;

        async Task<ResponseCheckResult> CheckLineAsync(string line, int number)
        {
            try
            {
                return await checker.CheckAsync(ResponseCheckRequestReader.Parse(line), cancellationToken).ConfigureAwait(false);
            }
            catch (ResponseCheckRequestException e)
            {
                Interlocked.Increment(ref bad);
                var message = $"line {number}: {e.Message}";
                lock (errors)
                    errors.WriteLine($"azr check-response: {message}");
                return ResponseCheckResult.BadRequest(e.Id, message);
            }
        }

        async Task WriteOldestAsync()
        {
            var result = await pending.Dequeue().ConfigureAwait(false);
            await output.WriteLineAsync(JsonSerializer.Serialize(result, AzrJson.Options)).ConfigureAwait(false);
            await output.FlushAsync(cancellationToken).ConfigureAwait(false);
        }

        while (await input.ReadLineAsync(cancellationToken).ConfigureAwait(false) is { } line)
        {
            lineNumber++;
            if (string.IsNullOrWhiteSpace(line))
                continue;
            pending.Enqueue(CheckLineAsync(line, lineNumber));
            if (pending.Count >= parallelism)
                await WriteOldestAsync().ConfigureAwait(false);
        }

        while (pending.Count > 0)
            await WriteOldestAsync().ConfigureAwait(false);
        return bad;
    }
}
