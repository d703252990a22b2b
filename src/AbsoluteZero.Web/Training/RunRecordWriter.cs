using AbsoluteZero.Data.Conventions;
using AbsoluteZero.Core.Tasks;
using AbsoluteZero.Data.Tasks;
using AbsoluteZero.Web.Live;
using Npgsql;
using NpgsqlTypes;

namespace AbsoluteZero.Web.Training;

/// <summary>
/// Writes one batch of <see cref="RunRecord"/>s in one transaction: tasks by binary COPY, metrics as one multi-row
/// upsert, checkpoints, log lines, the run's current step, and a NOTIFY per step. A step's notice therefore never
/// precedes its metrics, and a client that sees step n in the table sees all of its metrics.
/// </summary>
/// <remarks>
/// A metric point that exists already is overwritten (last write wins): the run-mode start discards everything after
/// the checkpoint it resumes from, so a conflict only comes from a batch written twice (a retry after a lost commit
/// acknowledgement) or a step re-run from that checkpoint, and in both cases the newer value is the one the run's
/// history continues from. The key (run, name, step) keeps it to one point either way.
/// </remarks>
public static class RunRecordWriter
{
    public static async Task WriteAsync(NpgsqlDataSource database, long runId, IReadOnlyList<RunRecord> batch, CancellationToken ct)
    {
        await using var connection = await database.OpenConnectionAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        await CopyTasksAsync(connection, runId, batch.OfType<TaskRecord>().Select(t => t.Row).ToList(), ct);
        var steps = batch.OfType<StepRecord>().ToList();
        await UpsertMetricsAsync(connection, runId, steps, ct);
        foreach (var checkpoint in batch.OfType<CheckpointRecord>())
            await UpsertCheckpointAsync(connection, runId, checkpoint, ct);
        foreach (var removed in batch.OfType<CheckpointRemovedRecord>())
            await MarkRemovedAsync(connection, runId, removed, ct);
        await InsertLogsAsync(connection, runId, batch.OfType<LogRecord>().ToList(), ct);
        foreach (var model in batch.OfType<ModelRecord>())
            await RegisterModelAsync(connection, runId, model, ct);
        if (steps.Count > 0)
        {
            await ExecuteAsync(connection, "UPDATE runs SET current_step = $2 WHERE id = $1", ct, runId, steps[^1].Step);
            foreach (var step in steps)
                await ExecuteAsync(connection, "SELECT pg_notify($1, $2)", ct, StepNotice.Channel, StepNotice.Payload(runId, step.Step, step.WallTime, step.Metrics));
        }

        await transaction.CommitAsync(ct);
    }

    private static async Task CopyTasksAsync(NpgsqlConnection connection, long runId, IReadOnlyList<ProposedTask> tasks, CancellationToken ct)
    {
        if (tasks.Count == 0)
            return;
        await using var copy = await connection.BeginBinaryImportAsync(
            "COPY tasks (run_id, step, task_type, origin, proposer_detail, program, input, output, inputs, outputs, message, valid, " +
            "added_to_buffer, failure_reason, solve_rate, proposer_reward, solver_answers, imports, created_at) FROM STDIN (FORMAT BINARY)", ct);
        foreach (var t in tasks)
        {
            await copy.StartRowAsync(ct);
            await copy.WriteAsync(runId, NpgsqlDbType.Bigint, ct);
            await copy.WriteAsync(t.Step, NpgsqlDbType.Integer, ct);
            await copy.WriteAsync(SnakeCaseEnumConverter<TaskType>.Name(t.TaskType), NpgsqlDbType.Text, ct);
            await copy.WriteAsync(t.Origin, NpgsqlDbType.Varchar, ct);
            await WriteNullableAsync(copy, t.ProposerDetail, NpgsqlDbType.Jsonb, ct);
            await copy.WriteAsync(t.Program, NpgsqlDbType.Text, ct);
            await WriteNullableAsync(copy, t.Input, NpgsqlDbType.Text, ct);
            await WriteNullableAsync(copy, t.Output, NpgsqlDbType.Text, ct);
            await WriteNullableAsync(copy, t.Inputs, NpgsqlDbType.Jsonb, ct);
            await WriteNullableAsync(copy, t.Outputs, NpgsqlDbType.Jsonb, ct);
            await WriteNullableAsync(copy, t.Message, NpgsqlDbType.Text, ct);
            await copy.WriteAsync(t.Valid, NpgsqlDbType.Boolean, ct);
            await copy.WriteAsync(t.AddedToBuffer, NpgsqlDbType.Boolean, ct);
            await WriteNullableAsync(copy, t.FailureReason, NpgsqlDbType.Varchar, ct);
            await WriteNullableAsync(copy, t.SolveRate, NpgsqlDbType.Double, ct);
            await WriteNullableAsync(copy, t.ProposerReward, NpgsqlDbType.Double, ct);
            await WriteNullableAsync(copy, t.SolverAnswers, NpgsqlDbType.Jsonb, ct);
            await WriteNullableAsync(copy, t.Imports, NpgsqlDbType.Jsonb, ct);
            await copy.WriteAsync(t.CreatedAt, NpgsqlDbType.TimestampTz, ct);
        }

        await copy.CompleteAsync(ct);
    }

    private static async Task UpsertMetricsAsync(NpgsqlConnection connection, long runId, IReadOnlyList<StepRecord> steps, CancellationToken ct)
    {
        // One row per (name, step), the last report winning, since one statement may not touch a row twice.
        var points = new Dictionary<(string Name, int Step), (double Value, DateTimeOffset At)>();
        foreach (var step in steps)
        {
            foreach (var (name, value) in step.Metrics)
                points[(name, step.Step)] = (value, step.WallTime);
        }

        if (points.Count == 0)
            return;
        await ExecuteAsync(connection,
            "INSERT INTO metrics (run_id, name, step, value, wall_time) " +
            "SELECT $1, p.name, p.step, p.value, p.wall_time FROM unnest($2::text[], $3::int[], $4::float8[], $5::timestamptz[]) AS p(name, step, value, wall_time) " +
            "ON CONFLICT (run_id, name, step) DO UPDATE SET value = excluded.value, wall_time = excluded.wall_time",
            ct,
            runId,
            points.Keys.Select(k => k.Name).ToArray(),
            points.Keys.Select(k => k.Step).ToArray(),
            points.Values.Select(v => v.Value).ToArray(),
            points.Values.Select(v => v.At).ToArray());
    }

    private static Task UpsertCheckpointAsync(NpgsqlConnection connection, long runId, CheckpointRecord c, CancellationToken ct) =>
        ExecuteAsync(connection,
            "INSERT INTO checkpoints (run_id, step, path, bytes, metrics, created_at) VALUES ($1, $2, $3, $4, $5::jsonb, $6) " +
            "ON CONFLICT (run_id, step) DO UPDATE SET path = excluded.path, bytes = excluded.bytes, metrics = excluded.metrics, " +
            "created_at = excluded.created_at, removed_at = NULL",
            ct, runId, c.Step, c.Path, c.Bytes, (object?)c.Metrics ?? DBNull.Value, c.At);

    private static Task MarkRemovedAsync(NpgsqlConnection connection, long runId, CheckpointRemovedRecord removed, CancellationToken ct) =>
        ExecuteAsync(connection, "UPDATE checkpoints SET removed_at = $3 WHERE run_id = $1 AND path = $2 AND removed_at IS NULL", ct, runId, removed.Path, removed.At);

    private static Task InsertLogsAsync(NpgsqlConnection connection, long runId, IReadOnlyList<LogRecord> lines, CancellationToken ct) =>
        lines.Count == 0
            ? Task.CompletedTask
            : ExecuteAsync(connection,
                "INSERT INTO run_logs (run_id, at, level, message) SELECT $1, l.at, l.level, l.message " +
                "FROM unnest($2::timestamptz[], $3::text[], $4::text[]) WITH ORDINALITY AS l(at, level, message, n) ORDER BY l.n",
                ct, runId, lines.Select(l => l.At).ToArray(), lines.Select(l => l.Level).ToArray(), lines.Select(l => DatabaseText.Clean(l.Message)).ToArray());

    private static Task RegisterModelAsync(NpgsqlConnection connection, long runId, ModelRecord m, CancellationToken ct) =>
        ExecuteAsync(connection,
            "INSERT INTO models (name, family, path, source, kind, run_id, step, created_at) VALUES ($1, $2, $3, $4, 'checkpoint', $5, $6, $7) " +
            "ON CONFLICT (name) DO UPDATE SET path = excluded.path, family = excluded.family, created_at = excluded.created_at",
            ct, ModelName(runId, m.Step), m.Family, m.Path, $"run {runId} step {m.Step}", runId, m.Step, m.At);

    /// <summary>The registry name of a run's checkpoint: <c>run-12-step-300</c>.</summary>
    public static string ModelName(long runId, int step) => $"run-{runId}-step-{step}";

    private static async Task WriteNullableAsync<T>(NpgsqlBinaryImporter copy, T? value, NpgsqlDbType type, CancellationToken ct)
    {
        if (value is null)
            await copy.WriteNullAsync(ct);
        else
            await copy.WriteAsync(value, type, ct);
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql, CancellationToken ct, params object[] parameters)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        foreach (var parameter in parameters)
            command.Parameters.Add(new NpgsqlParameter { Value = parameter });
        await command.ExecuteNonQueryAsync(ct);
    }
}
