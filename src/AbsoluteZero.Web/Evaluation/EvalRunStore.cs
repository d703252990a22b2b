using AbsoluteZero.Data;
using AbsoluteZero.Data.Evaluation;
using AbsoluteZero.Data.Runs;
using AbsoluteZero.Evaluation.Generation;
using AbsoluteZero.Web.Live;
using AbsoluteZero.Web.Training;
using Microsoft.EntityFrameworkCore;

namespace AbsoluteZero.Web.Evaluation;

/// <summary>
/// The evaluation child's path to the database (<c>azr eval --run ID</c>): samples as they are judged, progress as
/// problems finish (<c>runs.current_step</c> of <c>total_steps</c> problems, announced like a training step so pages
/// update live), and each benchmark's scores once it is done.
/// </summary>
public sealed class EvalRunStore(IDbContextFactory<AzrDbContext> dbs, TimeProvider time, long runId) : IEvalRecorder
{
    public async Task StartAsync(int totalProblems, CancellationToken ct)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        await db.Runs.Where(r => r.Id == runId).ExecuteUpdateAsync(s => s.SetProperty(r => r.TotalSteps, totalProblems).SetProperty(r => r.CurrentStep, 0), ct);
    }

    public async Task SamplesAsync(IReadOnlyList<EvalSampleResult> samples, int problemsDone, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        await using var db = await dbs.CreateDbContextAsync(ct);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        db.EvalSamples.AddRange(samples.Select(s => Row(s, now)));
        await db.SaveChangesAsync(ct);
        await db.Runs.Where(r => r.Id == runId).ExecuteUpdateAsync(s => s.SetProperty(r => r.CurrentStep, problemsDone), ct);
        var notice = StepNotice.Payload(runId, problemsDone, now, new Dictionary<string, double>());
        await db.Database.ExecuteSqlAsync($"SELECT pg_notify({StepNotice.Channel}, {notice})", ct);
        await transaction.CommitAsync(ct);
    }

    /// <summary>Replaces the benchmark's scores, so a score never mixes two computations.</summary>
    public async Task ScoresAsync(string benchmark, IReadOnlyList<EvalMetric> scores, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        await using var db = await dbs.CreateDbContextAsync(ct);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await db.EvalScores.Where(s => s.RunId == runId && s.Benchmark == benchmark).ExecuteDeleteAsync(ct);
        db.EvalScores.AddRange(scores.Select(s => new EvalScore
        {
            RunId = runId,
            Benchmark = s.Benchmark,
            Metric = s.Metric,
            Value = s.Value,
            N = s.N,
            CiLow = s.CiLow,
            CiHigh = s.CiHigh,
            CreatedAt = now,
        }));
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
    }

    /// <summary>The run to evaluate: it must exist, be an evaluation, and be running (its job has started it).</summary>
    public async Task<Run> LoadAsync(CancellationToken ct)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var run = await db.Runs.AsNoTracking().FirstOrDefaultAsync(r => r.Id == runId, ct)
                  ?? throw new InvalidOperationException($"run {runId} does not exist");
        if (run.Kind != RunKind.Eval)
            throw new InvalidOperationException($"run {runId} is a training run; azr eval --run takes evaluation runs");
        if (run.Status != RunStatus.Running)
            throw new InvalidOperationException($"run {runId} is {run.Status.ToString().ToLowerInvariant()}, not running: only its job starts it");
        return run;
    }

    private EvalSample Row(EvalSampleResult s, DateTimeOffset now) => new()
    {
        RunId = runId,
        Benchmark = s.Benchmark,
        ProblemId = s.ProblemId,
        SampleIndex = s.SampleIndex,
        Prompt = DatabaseText.Clean(s.Prompt),
        Completion = DatabaseText.Clean(s.Completion),
        ExtractedAnswer = DatabaseText.CleanOrNull(s.Extracted),
        Reference = s.Reference,
        Passed = s.Passed,
        BasePassed = s.BasePassed,
        PlusPassed = s.PlusPassed,
        Truncated = s.Truncated,
        FailureDetail = DatabaseText.CleanOrNull(s.FailureDetail),
        CreatedAt = now,
    };
}
