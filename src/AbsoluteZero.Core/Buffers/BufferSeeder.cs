using AbsoluteZero.Core.Configuration;
using AbsoluteZero.Core.Policy;
using AbsoluteZero.Core.Prompts;
using AbsoluteZero.Core.Tasks;
using AbsoluteZero.Core.Validation;

namespace AbsoluteZero.Core.Buffers;

/// <summary>What seeding produced, and a sentence saying so for the run log and UI.</summary>
/// <param name="SeedsTriplets">Whether deduction or abduction is trained (so triplet seeds were wanted).</param>
/// <param name="SeedsInduction">Whether induction is trained.</param>
public sealed record SeedingResult(
    IReadOnlyList<Triplet> Triplets, IReadOnlyList<InductionTask> InductionTasks, int Target, int TripletRounds, int InductionRounds, bool SeedsTriplets, bool SeedsInduction)
{
    public bool ReachedTarget => (!SeedsTriplets || Triplets.Count >= Target) && (!SeedsInduction || InductionTasks.Count >= Target);

    public string Summary =>
        $"seeding: {Triplets.Count} of {Target} deduction/abduction seed triplets after {TripletRounds} rounds, " +
        $"{InductionTasks.Count} of {Target} induction seed tasks after {InductionRounds} rounds" +
        (ReachedTarget ? "" : "; the round limit was reached, so training starts with the seeds that exist");
}

/// <summary>
/// Fills the seed sets before step 1 (AZR.md §5.2): from the zero seed, rounds of B proposer prompts per
/// deduction/abduction type with references from the growing seed set (K = min(6, size)), generated once, parsed from
/// the whole response, stripped and validated, appended without exact duplicates; then induction rounds, one prompt
/// per seed program, until each set reaches B × S. Unlike the reference, which loops until it gets there, at most
/// <see cref="SelfPlaySettings.SeedRoundLimit"/> rounds are run of each kind; training then starts with what exists
/// (at least the zero seed) and <see cref="SeedingResult.Summary"/> says so. Seed files, when configured, are loaded
/// first (cut to B × S) and seeding only tops them up.
/// </summary>
public sealed class BufferSeeder(IPolicy policy, ProposalValidator validator, RunConfig config, SamplerStreams streams)
{
    private readonly ProposerPromptBuilder _prompts = new(policy.CountTokens, config.Generation.MaxPromptTokens, BannedWords.Reference);

    public int Target => config.SelfPlay.BatchSize * config.SelfPlay.SeedBatchFactor;

    public async Task<SeedingResult> SeedAsync(CancellationToken cancellationToken = default)
    {
        var s = config.SelfPlay;
        var triplets = s.SeedFile is { } tripletFile ? SeedFile.ReadTriplets(tripletFile).Take(Target).ToList() : [SeedTasks.ZeroTriplet];
        var induction = s.InductionSeedFile is { } inductionFile ? SeedFile.ReadInductionTasks(inductionFile).Take(Target).ToList() : [SeedTasks.ZeroInduction];
        var seen = triplets.Select(Identity).ToHashSet(StringComparer.Ordinal);
        var random = streams[SamplerStreams.Seeding];
        var sampling = new SamplingOptions(config.Generation.MaxResponseTokens, config.Generation.Temperature, config.Generation.TopP);

        var tripletTypes = s.TaskTypes.Where(t => t != TaskType.Induction).ToList();
        var tripletRounds = 0;
        while (tripletTypes.Count > 0 && triplets.Count < Target && tripletRounds < s.SeedRoundLimit)
        {
            tripletRounds++;
            foreach (var type in tripletTypes)
            {
                if (triplets.Count >= Target)
                    break;
                var prompts = Enumerable.Range(0, s.BatchSize)
                    .Select(_ => _prompts.Build(type, triplets, s.IncludeReferences ? s.References : 0, s.InductionInputs, seeding: true, random).Text)
                    .ToList();
                var responses = policy.Generate(prompts, sampling, cancellationToken).Select(g => g.Text).ToList();
                foreach (var valid in await validator.TripletsFromTextAsync(responses, seeding: true, cancellationToken).ConfigureAwait(false))
                {
                    if (valid.Task is { } t && seen.Add(Identity(t)))
                        triplets.Add(t);
                }
            }
        }

        var inductionRounds = 0;
        while (s.TaskTypes.Contains(TaskType.Induction) && induction.Count < Target && inductionRounds < s.SeedRoundLimit)
        {
            inductionRounds++;
            var prompts = triplets.Select(_ => _prompts.Build(TaskType.Induction, triplets, 1, s.InductionInputs, seeding: true, random)).ToList();
            var responses = policy.Generate(prompts.Select(p => p.Text).ToList(), sampling, cancellationToken).Select(g => g.Text).ToList();
            var proposals = responses.Select((r, i) => (r, prompts[i].References[0])).ToList();
            induction.AddRange((await validator.InductionsFromTextAsync(proposals, cancellationToken).ConfigureAwait(false))
                .Where(v => v.Task is not null).Select(v => v.Task!));
        }

        return new SeedingResult(triplets.Take(Target).ToList(), induction.Take(Target).ToList(), Target, tripletRounds, inductionRounds,
            tripletTypes.Count > 0, s.TaskTypes.Contains(TaskType.Induction));
    }

    /// <summary>Exact duplicates are whole identical entries, as the reference compares JSON dumps of them.</summary>
    private static string Identity(Triplet t) => SeedFile.TripletRow(t).ToJsonString();
}
