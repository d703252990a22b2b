using System.Buffers;
using System.Text.Json;
using AbsoluteZero.Core.Execution;
using AbsoluteZero.Core.Json;

namespace AbsoluteZero.Sandbox.Workers;

/// <summary>The JSON lines spoken with worker.py: one request per line in, one reply per line out, same order.</summary>
internal static class WorkerProtocol
{
    public static void WriteRequest(IBufferWriter<byte> buffer, long id, Job job)
    {
        using var json = new Utf8JsonWriter(buffer);
        json.WriteStartObject();
        json.WriteNumber("id", id);
        json.WriteString("program", job.Request.Program);
        json.WriteString("input", job.Request.Input);
        json.WriteString("check", job.Request.Check == ExecutionCheck.Validate ? "validate" : "run");
        json.WriteString("policy", job.Request.Policy == ExecutionPolicy.Benchmark ? "benchmark" : "azr");
        json.WriteNumber("timeout_ms", job.TimeoutMs);
        json.WriteEndObject();
        json.Flush();
        buffer.Write("\n"u8);
    }

    public static WorkerReply ReadReply(string line) =>
        JsonSerializer.Deserialize<WorkerReply>(line, AzrJson.Options) ?? throw new JsonException("null reply");

    public static WorkerHello ReadHello(string line) =>
        JsonSerializer.Deserialize<WorkerHello>(line, AzrJson.Options) ?? throw new JsonException("null hello");
}

internal sealed record WorkerReply(long? Id, ExecutionStatus Status, string? Output, string? Error, double Ms)
{
    public ExecutionResult ToResult() => new(Status, Output, Error, Ms);
}

/// <summary>What a worker reports once it is up: whether its probe child was confined, and what it sees inside.</summary>
internal sealed record WorkerHello(
    bool Ready,
    string? Failure,
    int Uid,
    string Hostname,
    IReadOnlyList<string> Environment,
    IReadOnlyList<string> Network);
