namespace AbsoluteZero.Evaluation.Generation;

/// <summary>Where an evaluation session puts what it learns, as it learns it (the database, for an eval run).</summary>
public interface IEvalRecorder
{
    /// <summary>Before the first problem: how many problems the whole evaluation has.</summary>
    Task StartAsync(int totalProblems, CancellationToken cancellationToken);

    /// <summary>A batch of judged samples, and how many problems are finished in all so far.</summary>
    Task SamplesAsync(IReadOnlyList<EvalSampleResult> samples, int problemsDone, CancellationToken cancellationToken);

    /// <summary>A finished benchmark's scores.</summary>
    Task ScoresAsync(string benchmark, IReadOnlyList<EvalMetric> scores, CancellationToken cancellationToken);
}
