using AbsoluteZero.Core.Advantages;
using AbsoluteZero.Core.Buffers;
using AbsoluteZero.Core.Configuration;
using AbsoluteZero.Core.Execution;
using AbsoluteZero.Core.Grading;
using AbsoluteZero.Core.Policy;
using AbsoluteZero.Core.Prompts;
using AbsoluteZero.Core.Rewards;
using AbsoluteZero.Core.Tasks;
using AbsoluteZero.Core.Validation;

namespace AbsoluteZero.Core.SelfPlay;

/// <summary>What one step did: its metrics, every proposal and solver attempt, and notes for the run log.</summary>
public sealed record StepResult(
    int Step,
    IReadOnlyDictionary<string, double?> Metrics,
    IReadOnlyList<ProposedTask> Proposals,
    IReadOnlyList<SolverAttempt> SolverAttempts,
    IReadOnlyList<string> Notes);

/// <summary>
/// One AZR self-play step (AZR.md §6) against the policy and the sandbox: the six batches are built from the buffers
/// as they are at the start of the step (<see cref="StepPlan"/>); proposals are generated and validated; N solver
/// samples per valid proposal estimate its solve rate (no gradient); solver batches are generated and graded; the
/// rewards of the six batches get TRR++ advantages, each batch its own baseline; the policy takes one update (proposer
/// batches left out when <c>self_play.train_proposer</c> is false); valid tasks then enter their buffers with the step
/// number, formatted or not.
/// <para>
/// The policy is the expensive, sequential part, so the sandbox works behind it: each batch's validation or grading
/// starts as soon as its responses exist and runs while the policy generates the next batch. The policy's calls come
/// in a fixed order whatever the sandbox's timing (proposers of every type; the first solver batch, giving the last
/// validation time to finish; the learnability samples; the remaining solver batches, behind which the learnability
/// grading runs), so a step samples the same text whether or not execution overlaps. With
/// <c>overlapExecution: false</c> every sandbox call is awaited as soon as it starts: same results, the baseline
/// that <c>azr bench train</c> compares against.
/// </para>
/// </summary>
public sealed class SelfPlayStep
{
    private readonly IPolicy _policy;
    private readonly RunConfig _config;
    private readonly TimedExecutor _executor;
    private readonly ProposalValidator _validator;
    private readonly SolverGrader _grader;
    private readonly SolveRateEstimator _estimator;
    private readonly ProposerPromptBuilder _prompts;
    private readonly SolverPromptFit _fit;
    private readonly SamplingOptions _sampling;
    private readonly bool _overlap;

    public SelfPlayStep(IPolicy policy, ICodeExecutor executor, RunConfig config, bool overlapExecution = true)
    {
        _policy = policy;
        _config = config;
        _executor = new TimedExecutor(executor);
        _overlap = overlapExecution;
        var timeoutMs = config.Sandbox.TimeoutMs;
        _validator = new ProposalValidator(_executor, config.SelfPlay, timeoutMs);
        var judge = new SolverJudge(_executor, timeoutMs);
        _grader = new SolverGrader(judge, config.Rewards);
        _estimator = new SolveRateEstimator(judge);
        _prompts = new ProposerPromptBuilder(policy.CountTokens, config.Generation.MaxPromptTokens, BannedWords.Reference);
        _fit = new SolverPromptFit(policy.CountTokens, config.Generation.MaxPromptTokens);
        _sampling = new SamplingOptions(config.Generation.MaxResponseTokens, config.Generation.Temperature, config.Generation.TopP);
    }

    /// <summary>
    /// Runs step <paramref name="step"/>. The buffers change only at the very end, after the update; if the step is
    /// cancelled or fails they are as they were (the streams and the policy's sampler have moved on; the trainer
    /// restores those from its snapshot).
    /// </summary>
    public async Task<StepResult> RunAsync(int step, TaskBuffers buffers, SamplerStreams streams, CancellationToken cancellationToken = default)
    {
        var clock = new StepClock();
        var busyBefore = _executor.BusySeconds;
        var requestsBefore = _executor.Requests;
        var plan = clock.TimePrepare(() => StepPlan.Build(step, _config, buffers, streams, _prompts, _fit));
        var proposers = plan.Proposers.Select(p => new ProposerRun(p.Type, p.Prompts)).ToList();
        var solvers = plan.Solvers.Select(s => new SolverRun(s.Type, s.Tasks)).ToList();
        var launched = new List<Task>();

        try
        {
            foreach (var p in proposers)
            {
                p.Generations = Generate(clock, p.Prompts.Select(x => x.Text).ToList(), cancellationToken);
                p.Validation = await LaunchAsync(ValidateAsync(p, cancellationToken), clock, launched).ConfigureAwait(false);
            }

            foreach (var s in solvers.Take(1))
                await SolveAsync(s, clock, launched, cancellationToken).ConfigureAwait(false);
            foreach (var p in proposers)
                await EstimateAsync(p, clock, launched, cancellationToken).ConfigureAwait(false);
            foreach (var s in solvers.Skip(1))
                await SolveAsync(s, clock, launched, cancellationToken).ConfigureAwait(false);
            await clock.WaitAsync(AllAsync(launched)).ConfigureAwait(false);
        }
        catch
        {
            // Nothing may keep running against the sandbox once the step is abandoned.
            await Task.WhenAll(launched).ContinueWith(_ => { }, TaskScheduler.Default).ConfigureAwait(false);
            throw;
        }

        var (proposerOutcomes, solverOutcomes, sequences, advantages, trainedGenerations) = clock.TimeReward(() => Rewards(proposers, solvers));
        var samples = trainedGenerations.Select((g, i) => new PolicySample(g.PromptTokens, g.ResponseTokens, advantages[i])).ToList();
        var update = samples.Count > 0 ? clock.TimeUpdate(() => _policy.Update(samples, cancellationToken)) : null;

        var metrics = new StepMetrics();
        var types = _config.SelfPlay.TaskTypes;
        foreach (var type in types)
            metrics.Programs(type, proposerOutcomes.FirstOrDefault(o => o.Type == type)?.ValidTasks().ToList() ?? [], buffers);
        Commit(step, buffers, proposerOutcomes);

        var (proposals, attempts) = clock.TimeReward(() =>
        {
            foreach (var type in types)
            {
                metrics.Proposer(type, proposerOutcomes.FirstOrDefault(o => o.Type == type));
                metrics.Solver(type, solverOutcomes.FirstOrDefault(o => o.Type == type));
            }

            metrics.Trained(sequences, advantages, trainedGenerations);
            metrics.Actor(update);
            metrics.Buffers(buffers, types);
            return (proposerOutcomes.SelectMany(o => o.Records(step, _config)).ToList(), solverOutcomes.SelectMany(o => o.Records(step)).ToList());
        });

        var generated = proposers.Sum(p => Tokens(p.Generations) + Tokens(p.LearnabilityGenerations)) + solvers.Sum(s => Tokens(s.Generations));
        metrics.Set("sandbox/executions", _executor.Requests - requestsBefore);
        metrics.Set("timing/prepare", clock.Prepare);
        metrics.Set("timing/generate", clock.Generate);
        metrics.Set("timing/execute", clock.ExecutorWait);
        metrics.Set("timing/executor_busy", _executor.BusySeconds - busyBefore);
        metrics.Set("timing/reward", clock.Reward);
        metrics.Set("timing/update", clock.Update);
        var elapsed = clock.Elapsed;
        metrics.Set("timing/step", elapsed);
        metrics.Set("throughput/tokens_per_s", generated / elapsed);
        metrics.Set("throughput/generated_tokens", generated);
        return new StepResult(step, metrics.Values, proposals, attempts, plan.Notes);
    }

    private IReadOnlyList<Generation> Generate(StepClock clock, IReadOnlyList<string> prompts, CancellationToken cancellationToken) =>
        prompts.Count == 0 ? [] : clock.TimeGenerate(() => _policy.Generate(prompts, _sampling, cancellationToken));

    /// <summary>Records started sandbox work; without overlap, waits for it at once.</summary>
    private async Task<Task<T>> LaunchAsync<T>(Task<T> work, StepClock clock, List<Task> launched)
    {
        launched.Add(work);
        if (!_overlap)
            await clock.WaitAsync(work).ConfigureAwait(false);
        return work;
    }

    private Task<IReadOnlyList<ProposalVerdict>> ValidateAsync(ProposerRun p, CancellationToken cancellationToken) =>
        p.Type == TaskType.Induction
            ? _validator.InductionsAsync(p.Generations.Select((g, i) => (g.Text, p.Prompts[i].References[0])).ToList(), cancellationToken)
            : _validator.TripletsAsync(p.Generations.Select(g => g.Text).ToList(), cancellationToken);

    private async Task SolveAsync(SolverRun s, StepClock clock, List<Task> launched, CancellationToken cancellationToken)
    {
        s.Generations = Generate(clock, s.Tasks.Select(t => t.Task.SolverPrompt()).ToList(), cancellationToken);
        s.Grading = await LaunchAsync(
            Task.WhenAll(s.Tasks.Select((t, i) => t.Task.GradeAsync(_grader, s.Generations[i].Text, cancellationToken))),
            clock, launched).ConfigureAwait(false);
    }

    /// <summary>N solver samples for each valid proposal whose solver prompt fits, generated together, then graded.</summary>
    private async Task EstimateAsync(ProposerRun p, StepClock clock, List<Task> launched, CancellationToken cancellationToken)
    {
        p.Verdicts = await clock.WaitAsync(p.Validation).ConfigureAwait(false);
        var n = _config.SelfPlay.LearnabilitySamples;
        var estimable = new List<(int Index, SelfPlayTask Task)>();
        for (var i = 0; i < p.Verdicts.Count; i++)
        {
            var v = p.Verdicts[i];
            if (!v.Valid)
                continue;
            var task = v.Triplet is { } t ? SelfPlayTask.Of(p.Type, t) : SelfPlayTask.Of(v.InductionTask!);
            if (_fit.Fits(task))
                estimable.Add((i, task));
            else
                p.PromptTooLong.Add(i);
        }

        p.LearnabilityGenerations = Generate(clock, estimable.SelectMany(e => Enumerable.Repeat(e.Task.SolverPrompt(), n)).ToList(), cancellationToken);
        p.Estimation = await LaunchAsync(EstimateAllAsync(), clock, launched).ConfigureAwait(false);

        async Task<SolveRateEstimate?[]> EstimateAllAsync()
        {
            var estimates = await Task.WhenAll(estimable.Select((e, k) =>
                e.Task.EstimateAsync(_estimator, p.LearnabilityGenerations.Skip(k * n).Take(n).Select(g => g.Text).ToList(), cancellationToken))).ConfigureAwait(false);
            var aligned = new SolveRateEstimate?[p.Verdicts.Count];
            for (var k = 0; k < estimable.Count; k++)
                aligned[estimable[k].Index] = estimates[k];
            return aligned;
        }
    }

    private (List<ProposerBatchOutcome>, List<SolverBatchOutcome>, List<ScoredSequence>, IReadOnlyList<double>, List<Generation>) Rewards(
        List<ProposerRun> proposers, List<SolverRun> solvers)
    {
        var proposerOutcomes = proposers.Select(p =>
        {
            var estimates = p.Estimation.Result;
            var rewards = p.Verdicts.Select((v, i) => RoleRewards.Proposer(v.Valid, v.FormatOk, estimates[i]?.SolveRate ?? 0, _config.Rewards)).ToList();
            var notAdded = p.Verdicts.Select((_, i) => p.PromptTooLong.Contains(i) ? NotAddedReason.SolverPromptTooLong : (NotAddedReason?)null).ToList();
            return new ProposerBatchOutcome(p.Type, p.Prompts, p.Generations, p.Verdicts, estimates, rewards, notAdded);
        }).ToList();
        var solverOutcomes = solvers.Select(s => new SolverBatchOutcome(s.Type, s.Tasks, s.Generations, s.Grading.Result)).ToList();

        // The reference's batch order: per type, its proposer batch then its solver batch.
        var sequences = new List<ScoredSequence>();
        var generations = new List<Generation>();
        foreach (var type in _config.SelfPlay.TaskTypes)
        {
            if (_config.SelfPlay.TrainProposer && proposerOutcomes.FirstOrDefault(o => o.Type == type) is { } proposer)
            {
                sequences.AddRange(proposer.Generations.Select((g, i) => new ScoredSequence(type, Role.Propose, proposer.Rewards[i], g.ResponseTokens.Count)));
                generations.AddRange(proposer.Generations);
            }

            if (solverOutcomes.FirstOrDefault(o => o.Type == type) is { } solver)
            {
                sequences.AddRange(solver.Generations.Select((g, i) => new ScoredSequence(type, Role.Solve, solver.Verdicts[i].Reward, g.ResponseTokens.Count)));
                generations.AddRange(solver.Generations);
            }
        }

        return (proposerOutcomes, solverOutcomes, sequences, TaskRelativeAdvantage.Compute(sequences).Advantages, generations);
    }

    /// <summary>Valid tasks enter their buffers with the step number; the cap decides which of them stay.</summary>
    private static void Commit(int step, TaskBuffers buffers, List<ProposerBatchOutcome> outcomes)
    {
        for (var o = 0; o < outcomes.Count; o++)
        {
            var outcome = outcomes[o];
            var adding = Enumerable.Range(0, outcome.Count).Where(outcome.Added).ToList();
            var (result, overflow) = outcome.Type == TaskType.Induction
                ? (buffers.Induction.Add(adding.Select(i => new BufferEntry<InductionTask>(outcome.Verdicts[i].InductionTask!, step) { Thought = outcome.Verdicts[i].Thought })), buffers.Induction.Overflow)
                : (buffers.Triplets(outcome.Type).Add(adding.Select(i => new BufferEntry<Triplet>(outcome.Verdicts[i].Triplet!, step) { Thought = outcome.Verdicts[i].Thought })), buffers.Triplets(outcome.Type).Overflow);
            if (result.Added == adding.Count)
                continue;

            // Keep-oldest drops the newest of what was appended; evict-oldest keeps the newest.
            var dropped = overflow == BufferOverflow.KeepOldest ? adding.Skip(result.Added) : adding.Take(adding.Count - result.Added);
            var notAdded = outcome.NotAdded.ToArray();
            foreach (var i in dropped)
                notAdded[i] = NotAddedReason.BufferFull;
            outcomes[o] = outcome with { NotAdded = notAdded };
        }
    }

    private static Task<bool> AllAsync(List<Task> tasks) => Task.WhenAll(tasks).ContinueWith(t =>
    {
        t.GetAwaiter().GetResult();
        return true;
    }, TaskScheduler.Default);

    private static long Tokens(IReadOnlyList<Generation> generations) => generations.Sum(g => (long)g.ResponseTokens.Count);

    private sealed class ProposerRun(TaskType type, IReadOnlyList<ProposerPrompt> prompts)
    {
        public TaskType Type { get; } = type;

        public IReadOnlyList<ProposerPrompt> Prompts { get; } = prompts;

        public IReadOnlyList<Generation> Generations { get; set; } = [];

        public Task<IReadOnlyList<ProposalVerdict>> Validation { get; set; } = null!;

        public IReadOnlyList<ProposalVerdict> Verdicts { get; set; } = [];

        public HashSet<int> PromptTooLong { get; } = [];

        public IReadOnlyList<Generation> LearnabilityGenerations { get; set; } = [];

        public Task<SolveRateEstimate?[]> Estimation { get; set; } = null!;
    }

    private sealed class SolverRun(TaskType type, IReadOnlyList<PlannedSolverTask> tasks)
    {
        public TaskType Type { get; } = type;

        public IReadOnlyList<PlannedSolverTask> Tasks { get; } = tasks;

        public IReadOnlyList<Generation> Generations { get; set; } = [];

        public Task<SolverVerdict[]> Grading { get; set; } = null!;
    }
}
