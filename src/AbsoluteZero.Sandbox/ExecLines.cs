using System.Text.Json;
using AbsoluteZero.Core.Execution;
using AbsoluteZero.Core.Json;

namespace AbsoluteZero.Sandbox;

/// <summary>
/// The <c>azr exec</c> protocol: JSON lines of requests in
/// (<c>{"id", "program", "input", "check", "policy", "timeout_ms"}</c>), one JSON line per request out
/// (<c>{"id", "status", "output", "error", "ms"}</c>) as soon as it is done, in completion order. Every non-blank line
/// gets exactly one answer; a line that is not a valid request gets an error naming the line (and a null id when none
/// could be read). Lives here rather than in the CLI so tests drive it with a real pool.
/// </summary>
public static class ExecLines
{
    /// <summary>Requests read ahead of their answers; reading pauses beyond this so memory stays bounded.</summary>
    private const int MaxOutstanding = 4096;

    public static async Task RunAsync(ICodeExecutor executor, TextReader input, TextWriter output, CancellationToken cancellationToken = default)
    {
        using var outstanding = new SemaphoreSlim(MaxOutstanding);
        using var writing = new SemaphoreSlim(1);
        var running = new List<Task>();
        var lineNumber = 0;
        while (await input.ReadLineAsync(cancellationToken).ConfigureAwait(false) is { } line)
        {
            lineNumber++;
            if (string.IsNullOrWhiteSpace(line))
                continue;
            await outstanding.WaitAsync(cancellationToken).ConfigureAwait(false);
            running.RemoveAll(task => task.IsCompleted);
            running.Add(AnswerAsync(executor, line, lineNumber, output, writing, outstanding, cancellationToken));
        }

        await Task.WhenAll(running).ConfigureAwait(false);
        await output.FlushAsync(cancellationToken).ConfigureAwait(false);
    }

    private static async Task AnswerAsync(ICodeExecutor executor, string line, int lineNumber, TextWriter output,
        SemaphoreSlim writing, SemaphoreSlim outstanding, CancellationToken cancellationToken)
    {
        try
        {
            var (id, request, problem) = ExecRequestLine.Parse(line, lineNumber);
            ExecutionResult result;
            if (request is null)
                result = new ExecutionResult(ExecutionStatus.Error, null, problem, 0);
            else
            {
                // Yield first so the reader keeps reading while the pool works.
                await Task.Yield();
                try
                {
                    result = (await executor.ExecuteAsync([request], cancellationToken).ConfigureAwait(false))[0];
                }
                catch (Exception exception) when (exception is not OperationCanceledException)
                {
                    result = new ExecutionResult(ExecutionStatus.Error, null, $"line {lineNumber}: the executor failed ({exception.Message})", 0);
                }
            }

            var reply = Serialize(id, result);
            await writing.WaitAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                await output.WriteLineAsync(reply).ConfigureAwait(false);
                await output.FlushAsync(cancellationToken).ConfigureAwait(false);
            }
            finally
            {
                writing.Release();
            }
        }
        finally
        {
            outstanding.Release();
        }
    }

    private static string Serialize(JsonElement? id, ExecutionResult result)
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = AzrJson.Options.Encoder }))
        {
            json.WriteStartObject();
            json.WritePropertyName("id");
            if (id is { } value)
                value.WriteTo(json);
            else
                json.WriteNullValue();
            json.WriteString("status", JsonNamingPolicy.SnakeCaseLower.ConvertName(result.Status.ToString()));
            json.WriteString("output", result.Output);
            json.WriteString("error", result.Error);
            json.WriteNumber("ms", Math.Round(result.Ms, 3));
            json.WriteEndObject();
        }

        return System.Text.Encoding.UTF8.GetString(buffer.WrittenSpan);
    }
}
