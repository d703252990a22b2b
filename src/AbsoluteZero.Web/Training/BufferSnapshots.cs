using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using AbsoluteZero.Core.Buffers;
using AbsoluteZero.Core.Configuration;
using AbsoluteZero.Core.Json;
using AbsoluteZero.Core.Tasks;
using AbsoluteZero.Data;
using AbsoluteZero.Data.Tasks;
using Microsoft.EntityFrameworkCore;

namespace AbsoluteZero.Web.Training;

/// <summary>The seed files a fork seeded from its parent's buffers starts with.</summary>
public sealed record SeedFiles(string Triplets, string InductionTasks, int TripletCount, int InductionCount);

/// <summary>
/// A run's task buffers as they were after a step, rebuilt from the <c>tasks</c> table (no copies are stored: the
/// buffer after step s is the tasks that entered it at a step ≤ s, capped as the run's <c>self_play</c> config caps
/// it), written in the reference's seed format (AZR.md §5.1) through Core's <see cref="SeedFile"/> rows. Each row also
/// says its <c>task_type</c> and <c>step</c>, keys the seed readers ignore.
/// </summary>
public sealed class BufferSnapshots(IDbContextFactory<AzrDbContext> dbs)
{
    public static readonly TaskType[] BufferOrder = [TaskType.Abduction, TaskType.Deduction, TaskType.Induction];

    /// <summary>Rows of the buffers (one, or all three in <see cref="BufferOrder"/>) after <paramref name="step"/>, oldest first.</summary>
    public async IAsyncEnumerable<JsonObject> RowsAsync(
        long runId, SelfPlaySettings settings, int step, TaskType? type, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct)
    {
        foreach (var bufferType in type is { } one ? [one] : BufferOrder)
        {
            foreach (var task in await BufferAsync(runId, settings, step, bufferType, ct))
                yield return Row(task);
        }
    }

    /// <summary>Writes <see cref="RowsAsync"/> as JSONL (one compact object per line, UTF-8).</summary>
    public async Task WriteJsonLinesAsync(long runId, SelfPlaySettings settings, int step, TaskType? type, Stream output, CancellationToken ct)
    {
        await using var writer = new StreamWriter(output, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), leaveOpen: true);
        await foreach (var row in RowsAsync(runId, settings, step, type, ct))
            await writer.WriteAsync(row.ToJsonString(AzrJson.Options) + "\n");
    }

    /// <summary>
    /// Seed files for a run seeded from <paramref name="runId"/>'s buffers after <paramref name="step"/>: the seed format
    /// has one triplet list for both the abduction and the deduction buffer, so it is their union without exact
    /// duplicates (abduction's first); induction tasks go to their own file.
    /// </summary>
    public async Task<SeedFiles> WriteSeedFilesAsync(long runId, SelfPlaySettings settings, int step, string directory, CancellationToken ct)
    {
        Directory.CreateDirectory(directory);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var triplets = new List<Triplet>();
        foreach (var type in new[] { TaskType.Abduction, TaskType.Deduction })
        {
            foreach (var triplet in (await BufferAsync(runId, settings, step, type, ct)).Select(TripletOf))
            {
                if (seen.Add(SeedFile.TripletRow(triplet).ToJsonString()))
                    triplets.Add(triplet);
            }
        }

        var induction = (await BufferAsync(runId, settings, step, TaskType.Induction, ct)).Select(InductionOf).ToList();
        var files = new SeedFiles(Path.Combine(directory, "seed_io.jsonl"), Path.Combine(directory, "code_f_seed_io.jsonl"), triplets.Count, induction.Count);
        SeedFile.WriteTriplets(files.Triplets, triplets);
        SeedFile.WriteInductionTasks(files.InductionTasks, induction);
        return files;
    }

    private async Task<IReadOnlyList<ProposedTask>> BufferAsync(long runId, SelfPlaySettings settings, int step, TaskType type, CancellationToken ct)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var entered = db.Tasks.AsNoTracking().Where(t => t.RunId == runId && t.TaskType == type && t.AddedToBuffer && t.Step <= step);
        // Keep-oldest buffers never take a task past the cap (it is recorded as not added); evict-oldest ones drop their
        // oldest entries, so the buffer is the newest cap-many of those that entered.
        if (settings.BufferOverflow == BufferOverflow.EvictOldest)
        {
            var newest = await entered.OrderByDescending(t => t.Step).ThenByDescending(t => t.Id).Take(settings.MaxBufferSize).ToListAsync(ct);
            newest.Reverse();
            return newest;
        }

        return await entered.OrderBy(t => t.Step).ThenBy(t => t.Id).Take(settings.MaxBufferSize).ToListAsync(ct);
    }

    private static JsonObject Row(ProposedTask task)
    {
        var row = task.TaskType == TaskType.Induction ? SeedFile.InductionRow(InductionOf(task)) : SeedFile.TripletRow(TripletOf(task));
        row["task_type"] = JsonSerializer.SerializeToNode(task.TaskType, AzrJson.Options);
        row["step"] = task.Step;
        return row;
    }

    private static Triplet TripletOf(ProposedTask task) => new(task.Program, task.Input ?? "", task.Output ?? "")
    {
        Imports = Strings(task.Imports),
        OriginalProgram = task.Program,
    };

    private static InductionTask InductionOf(ProposedTask task) =>
        new(task.Program, Strings(task.Inputs), Strings(task.Outputs), task.Message ?? "") { Imports = Strings(task.Imports) };

    private static IReadOnlyList<string> Strings(string? jsonArray) =>
        jsonArray is null ? [] : JsonSerializer.Deserialize<List<string>>(jsonArray, AzrJson.Options) ?? [];
}
