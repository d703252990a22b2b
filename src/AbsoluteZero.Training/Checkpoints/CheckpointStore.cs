using System.Globalization;
using AbsoluteZero.Core.Buffers;
using AbsoluteZero.Core.Configuration;
using AbsoluteZero.Core.Policy;

namespace AbsoluteZero.Training.Checkpoints;

/// <summary>A complete checkpoint folder and the step it holds.</summary>
public sealed record Checkpoint(int Step, string Path)
{
    public long Bytes => new DirectoryInfo(Path).EnumerateFiles("*", SearchOption.AllDirectories).Sum(f => f.Length);
}

/// <summary>What a checkpoint restores: the trainer state, buffers and sampler streams (the policy is loaded from the same folder).</summary>
public sealed record RestoredRun(TrainerState State, TaskBuffers Buffers, SamplerStreams Streams);

/// <summary>
/// The checkpoints of one run under its output folder:
/// <code>
/// OUT/checkpoints/step-000010/   Hugging Face folder (config.json, generation_config.json, tokenizer files,
///                                model.safetensors) + optimizer.safetensors + policy_state.json (the policy's own),
///                                buffers/{abduction,deduction,induction}.jsonl, sampler_state.json, trainer_state.json
/// OUT/latest -> checkpoints/step-000010   (symbolic link to the newest complete checkpoint)
/// </code>
/// A checkpoint is written under <c>step-N.partial</c> and renamed when complete (trainer_state.json last), so a crash
/// never leaves a folder that looks complete; the newest complete folder is the one a resume reads.
/// </summary>
public sealed class CheckpointStore(string outputDirectory)
{
    public const string Folder = "checkpoints";
    public const string LatestLinkName = "latest";
    private const string Prefix = "step-";
    private const string PartialSuffix = ".partial";

    public string Root { get; } = Path.GetFullPath(outputDirectory);

    public string CheckpointsFolder => Path.Combine(Root, Folder);

    /// <summary>Complete checkpoints, oldest first.</summary>
    public IReadOnlyList<Checkpoint> List()
    {
        if (!Directory.Exists(CheckpointsFolder))
            return [];
        return Directory.EnumerateDirectories(CheckpointsFolder, Prefix + "*")
            .Select(path => (path, name: System.IO.Path.GetFileName(path)))
            .Where(d => !d.name.EndsWith(PartialSuffix, StringComparison.Ordinal) && TrainerState.ExistsIn(d.path))
            .Select(d => int.TryParse(d.name[Prefix.Length..], NumberStyles.None, CultureInfo.InvariantCulture, out var step) ? new Checkpoint(step, d.path) : null)
            .OfType<Checkpoint>()
            .OrderBy(c => c.Step)
            .ToList();
    }

    public Checkpoint? Latest() => List().LastOrDefault();

    /// <summary>Removes half-written folders a crash may have left.</summary>
    public void RemovePartials()
    {
        if (!Directory.Exists(CheckpointsFolder))
            return;
        foreach (var partial in Directory.EnumerateDirectories(CheckpointsFolder, Prefix + "*" + PartialSuffix))
            Directory.Delete(partial, recursive: true);
    }

    public Checkpoint Save(TrainerState state, IPolicy policy, TaskBuffers buffers, SamplerStreams streams)
    {
        var final = System.IO.Path.Combine(CheckpointsFolder, $"{Prefix}{state.Step:D6}");
        var partial = final + PartialSuffix;
        if (Directory.Exists(partial))
            Directory.Delete(partial, recursive: true);
        Directory.CreateDirectory(partial);
        policy.Save(partial);
        BufferFile.Write(partial, buffers);
        SamplerStateFile.Write(partial, streams);
        state.Write(partial);
        if (Directory.Exists(final))
            Directory.Delete(final, recursive: true);
        Directory.Move(partial, final);
        LatestLink.PointAt(System.IO.Path.Combine(Root, LatestLinkName), final);
        return new Checkpoint(state.Step, final);
    }

    public static RestoredRun Restore(Checkpoint checkpoint, RunConfig config) =>
        new(TrainerState.Read(checkpoint.Path), BufferFile.Read(checkpoint.Path, config.SelfPlay), SamplerStateFile.Read(checkpoint.Path, config.Schedule.Seed));

    /// <summary>Deletes all but the newest <paramref name="keep"/> checkpoints and returns the ones deleted.</summary>
    public IReadOnlyList<Checkpoint> Prune(int keep)
    {
        var all = List();
        var doomed = all.Take(Math.Max(0, all.Count - keep)).ToList();
        foreach (var checkpoint in doomed)
            Directory.Delete(checkpoint.Path, recursive: true);
        return doomed;
    }

}
