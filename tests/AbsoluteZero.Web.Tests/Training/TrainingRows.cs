using AbsoluteZero.Core.Tasks;
using AbsoluteZero.Data.Tasks;
using AbsoluteZero.Web.Training;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace AbsoluteZero.Web.Tests.Training;

/// <summary>Recording rows the way a training child does (through <see cref="RunRecorder"/>), for tests of what reads them.</summary>
public static class TrainingRows
{
    public static Task RecordAsync(PlatformFixture platform, long runId, params RunRecord[] records) =>
        RecordAsync(platform.ConnectionString, runId, records);

    public static async Task RecordAsync(string connectionString, long runId, params RunRecord[] records)
    {
        await using var database = NpgsqlDataSource.Create(connectionString);
        await using var recorder = new RunRecorder(database, runId, NullLogger.Instance);
        foreach (var record in records)
            recorder.Add(record);
        await recorder.CompleteAsync(TimeSpan.FromSeconds(30));
    }

    public static TaskRecord Triplet(TaskType type, int step, string program, string input, string output, bool valid = true, bool added = true,
        string origin = "proposed", string? reason = null, string imports = "[]") =>
        new(new ProposedTask
        {
            Step = step, TaskType = type, Origin = origin, Program = program, Input = input, Output = valid ? output : null, Valid = valid,
            AddedToBuffer = added, FailureReason = reason, Imports = imports, CreatedAt = DateTimeOffset.UtcNow,
            SolveRate = valid ? 0.5 : null, ProposerReward = valid ? 0.5 : -1,
        });

    public static TaskRecord Induction(int step, string program, string[] inputs, string[] outputs, string message, bool added = true, string origin = "proposed") =>
        new(new ProposedTask
        {
            Step = step, TaskType = TaskType.Induction, Origin = origin, Program = program, Inputs = Json(inputs), Outputs = Json(outputs),
            Message = message, Valid = true, AddedToBuffer = added, Imports = "[]", CreatedAt = DateTimeOffset.UtcNow,
        });

    public static StepRecord Step(int step, params (string Name, double Value)[] metrics) =>
        new(step, metrics.ToDictionary(m => m.Name, m => m.Value), DateTimeOffset.UtcNow);

    private static string Json(string[] values) => System.Text.Json.JsonSerializer.Serialize(values);
}
