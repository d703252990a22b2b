using AbsoluteZero.Core.Buffers;
using AbsoluteZero.Core.Configuration;
using AbsoluteZero.Core.Execution;
using AbsoluteZero.Core.Policy;
using AbsoluteZero.Core.SelfPlay;
using AbsoluteZero.Core.Validation;
using AbsoluteZero.Training.Checkpoints;
using AbsoluteZero.Training.Events;
using AbsoluteZero.Training.Policies;

namespace AbsoluteZero.Training;

/// <summary>
/// Runs a training session: a fresh run seeds its buffers (or imports seed files) and trains from step 1; a resumed
/// run restores policy, optimizer, token sampler, buffers and sampler streams from its newest checkpoint and continues
/// with the next step, so it trains exactly what the uninterrupted run would have. Checkpoints are written every
/// <c>schedule.save_every</c> steps and after the last, older ones pruned to <c>schedule.keep_checkpoints</c>.
/// <para>
/// Stopping: when <c>cancellationToken</c> fires, the step in progress is abandoned (its buffers were not touched yet;
/// the sampler streams and the policy's token sampler are put back as they were before it), the last finished step is
/// checkpointed unless it already was, and <see cref="TrainingStatus.Stopped"/> is returned. Cancelled during seeding,
/// nothing is written. Events go to the observer as they happen.
/// </para>
/// </summary>
public sealed class TrainingSession(IPolicyProvider policies, ICodeExecutor executor, ITrainingObserver observer)
{
    public async Task<TrainingFinished> RunAsync(TrainingRequest request, CancellationToken cancellationToken = default)
    {
        var config = request.Config;
        var store = new CheckpointStore(request.OutputDirectory);
        store.RemovePartials();
        var (policy, run, resumedFrom) = request.Resume ? Resume(store, config) : (Create(store, config), null, null);
        using (policy)
        {
            observer.OnEvent(new TrainingStarted(store.Root, request.Preset, config, (run?.State.Step ?? 0) + 1, config.Schedule.Steps, resumedFrom));
            var progress = new Progress(run?.State.Step ?? 0, request.Resume ? store.Latest() : null);
            try
            {
                var streams = run?.Streams ?? new SamplerStreams(config.Schedule.Seed);
                var buffers = run?.Buffers ?? await SeedAsync(policy, config, streams, cancellationToken).ConfigureAwait(false);
                if (buffers is null)
                    return Finish(new TrainingFinished(TrainingStatus.Stopped, 0, null, null));
                return await LoopAsync(request, store, policy, buffers, streams, progress, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception e) when (!(e is OperationCanceledException && cancellationToken.IsCancellationRequested))
            {
                Finish(new TrainingFinished(TrainingStatus.Failed, progress.Completed, progress.Saved?.Path, e.Message));
                throw;
            }
        }
    }

    /// <summary>The buffers a fresh run starts from, or null when cancelled first.</summary>
    private async Task<TaskBuffers?> SeedAsync(IPolicy policy, RunConfig config, SamplerStreams streams, CancellationToken cancellationToken)
    {
        SeedingResult seeds;
        try
        {
            var validator = new ProposalValidator(executor, config.SelfPlay, config.Sandbox.TimeoutMs);
            seeds = await new BufferSeeder(policy, validator, config, streams).SeedAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return null;
        }

        var buffers = TaskBuffers.FromSeeds(seeds, config.SelfPlay);
        observer.OnEvent(new SeedingCompleted(seeds.Triplets.Count, seeds.InductionTasks.Count, seeds.Target, seeds.TripletRounds, seeds.InductionRounds, seeds.ReachedTarget, seeds.Summary));
        observer.OnEvent(new StepTasks(0, SeedRecords(buffers), []));
        return buffers;
    }

    private async Task<TrainingFinished> LoopAsync(TrainingRequest request, CheckpointStore store, IPolicy policy, TaskBuffers buffers, SamplerStreams streams, Progress progress, CancellationToken cancellationToken)
    {
        var schedule = request.Config.Schedule;
        var stepper = new SelfPlayStep(policy, executor, request.Config, request.OverlapExecution);
        for (var step = progress.Completed + 1; step <= schedule.Steps && !cancellationToken.IsCancellationRequested; step++)
        {
            var streamsBefore = streams.Save();
            var samplingBefore = policies.CaptureSampling(policy);
            StepResult result;
            try
            {
                result = await stepper.RunAsync(step, buffers, streams, cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                streams = new SamplerStreams(schedule.Seed, streamsBefore);
                if (samplingBefore is not null)
                    policies.RestoreSampling(policy, samplingBefore);
                observer.OnEvent(new TrainingLog(TrainingLogLevel.Info, $"step {step} was abandoned on the stop request; a resumed run trains it again"));
                break;
            }

            progress.Completed = step;
            foreach (var note in result.Notes)
                observer.OnEvent(new TrainingLog(TrainingLogLevel.Warning, note));
            observer.OnEvent(new StepTasks(step, result.Proposals, result.SolverAttempts));
            observer.OnEvent(new StepCompleted(step, schedule.Steps, result.Metrics));
            if (step % schedule.SaveEvery == 0 || step == schedule.Steps)
                progress.Saved = Save(request, store, policy, buffers, streams, step, step == schedule.Steps ? CheckpointReason.Final : CheckpointReason.Scheduled);
        }

        if (progress.Completed >= schedule.Steps)
            return Finish(new TrainingFinished(TrainingStatus.Completed, progress.Completed, progress.Saved?.Path, null));
        if (progress.Saved?.Step != progress.Completed)
            progress.Saved = Save(request, store, policy, buffers, streams, progress.Completed, CheckpointReason.Stop);
        return Finish(new TrainingFinished(TrainingStatus.Stopped, progress.Completed, progress.Saved.Path, null));
    }

    private Checkpoint Save(TrainingRequest request, CheckpointStore store, IPolicy policy, TaskBuffers buffers, SamplerStreams streams, int step, CheckpointReason reason)
    {
        var checkpoint = store.Save(new TrainerState(step, request.Preset, request.Config), policy, buffers, streams);
        observer.OnEvent(new CheckpointSaved(step, checkpoint.Path, checkpoint.Bytes, reason));
        foreach (var old in store.Prune(request.Config.Schedule.KeepCheckpoints))
            observer.OnEvent(new CheckpointDeleted(old.Step, old.Path));
        return checkpoint;
    }

    private IPolicy Create(CheckpointStore store, RunConfig config)
    {
        if (store.Latest() is { } existing)
            throw new TrainingSetupException($"{store.Root} already holds checkpoints (newest: step {existing.Step}); resume that run or choose another output folder");
        return Load(() => policies.Create(config), "cannot load the model");
    }

    private (IPolicy, RestoredRun, string) Resume(CheckpointStore store, RunConfig config)
    {
        var checkpoint = store.Latest() ?? throw new TrainingSetupException($"{store.Root} holds no complete checkpoint to resume from");
        RestoredRun run;
        try
        {
            run = CheckpointStore.Restore(checkpoint, config);
        }
        catch (Exception e) when (e is FormatException or IOException or SeedFileException)
        {
            throw new TrainingSetupException($"cannot read the checkpoint {checkpoint.Path}: {e.Message}", e);
        }

        return (Load(() => policies.Resume(checkpoint.Path, config), $"cannot load the policy of {checkpoint.Path}"), run, checkpoint.Path);
    }

    private static IPolicy Load(Func<IPolicy> load, string what)
    {
        try
        {
            return load();
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            throw new TrainingSetupException($"{what}: {e.Message}", e);
        }
    }

    private TrainingFinished Finish(TrainingFinished finished)
    {
        observer.OnEvent(finished);
        return finished;
    }

    /// <summary>The last finished step and the newest checkpoint written or resumed from, for the final event.</summary>
    private sealed class Progress(int completed, Checkpoint? saved)
    {
        public int Completed { get; set; } = completed;

        public Checkpoint? Saved { get; set; } = saved;
    }

    private static List<ProposedTask> SeedRecords(TaskBuffers buffers) =>
    [
        .. buffers.Abduction.Entries.Select(e => ProposedTask.Seed(Core.Tasks.TaskType.Abduction, e.Task)),
        .. buffers.Deduction.Entries.Select(e => ProposedTask.Seed(Core.Tasks.TaskType.Deduction, e.Task)),
        .. buffers.Induction.Entries.Select(e => ProposedTask.Seed(e.Task)),
    ];
}
