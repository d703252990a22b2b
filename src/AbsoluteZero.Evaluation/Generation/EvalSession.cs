using AbsoluteZero.Core.Configuration;
using AbsoluteZero.Core.Execution;
using AbsoluteZero.Core.Policy;
using AbsoluteZero.Evaluation.Scoring;

namespace AbsoluteZero.Evaluation.Generation;

/// <summary>
/// Runs an evaluation with a policy: for each benchmark, problems in chunks — generate (greedy, or n samples per
/// problem), judge, record — then the benchmark's scores. Chunks keep memory flat, let progress show while a long
/// benchmark runs, and make a cancellation lose at most one chunk. Scores are written only for finished benchmarks.
/// </summary>
public sealed class EvalSession(IPolicy policy, ICodeExecutor? executor, CodeScoringOptions scoring, IEvalRecorder recorder, Action<string> log)
{
    /// <summary>Prompts per generation call (duplicates for sampling included); the policy batches them itself.</summary>
    public int PromptsPerChunk { get; init; } = 64;

    public async Task RunAsync(IReadOnlyList<EvalBenchmark> benchmarks, EvalDecoding decoding, CancellationToken cancellationToken)
    {
        var samples = decoding.Samples;
        var problemsPerChunk = Math.Max(1, PromptsPerChunk / samples);
        var done = 0;
        await recorder.StartAsync(benchmarks.Sum(b => b.Problems.Count), cancellationToken).ConfigureAwait(false);
        foreach (var benchmark in benchmarks)
        {
            var maxNewTokens = decoding.MaxNewTokens ?? benchmark.DefaultMaxNewTokens;
            log($"{benchmark.Name}: {benchmark.Problems.Count} problems × {samples} sample(s), at most {maxNewTokens} new tokens" +
                (benchmark.Info.Label is { } label ? $" ({label})" : ""));
            var judged = new List<EvalSampleResult>();
            foreach (var chunk in benchmark.Problems.Chunk(problemsPerChunk))
            {
                cancellationToken.ThrowIfCancellationRequested();
                var prompts = chunk.SelectMany(p => Enumerable.Repeat(p.Prompt.Text, samples)).ToList();
                var stops = chunk.SelectMany(p => p.Prompt.StopStrings).Distinct().ToList();
                var generations = policy.Generate(prompts, new SamplingOptions(maxNewTokens, decoding.Temperature, decoding.TopP, stops), cancellationToken);
                var responses = chunk.SelectMany((problem, i) => Enumerable.Range(0, samples)
                    .Select(s => new EvalResponse(problem, s, generations[i * samples + s].Text, generations[i * samples + s].Truncated))).ToList();
                var results = await ResponseJudge.JudgeAsync(benchmark, responses, executor, scoring, log, cancellationToken).ConfigureAwait(false);
                judged.AddRange(results);
                done += chunk.Length;
                await recorder.SamplesAsync(results, done, cancellationToken).ConfigureAwait(false);
            }

            var scores = EvalScores.Compute(benchmark.Name, benchmark.Code?.IsEvalPlus == true, judged);
            await recorder.ScoresAsync(benchmark.Name, scores, cancellationToken).ConfigureAwait(false);
            if (scores.FirstOrDefault(s => s.Metric == EvalScores.PassAt(1)) is { } headline)
                log($"{benchmark.Name}: pass@1 {headline.Value:P1} over {headline.N} problems (95% CI {headline.CiLow:P1}–{headline.CiHigh:P1})");
        }
    }
}
