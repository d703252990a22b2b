using AbsoluteZero.Core.Configuration;

namespace AbsoluteZero.Training;

/// <summary>
/// What to train: <see cref="Config"/> (its <c>schedule.steps</c> is the last step), written under
/// <see cref="OutputDirectory"/>. With <see cref="Resume"/> the run continues from the newest checkpoint there;
/// otherwise the folder must hold no checkpoint yet.
/// </summary>
/// <param name="Preset">The preset the config was built from, recorded with checkpoints (null when unknown).</param>
/// <param name="OverlapExecution">False runs every sandbox call to completion before the policy continues (the benchmark's baseline).</param>
public sealed record TrainingRequest(RunConfig Config, string OutputDirectory, bool Resume, string? Preset = null, bool OverlapExecution = true);

/// <summary>A problem with the request itself (the output folder, the checkpoint, the model), not with training: exit code 2 on the command line.</summary>
public sealed class TrainingSetupException(string message, Exception? inner = null) : Exception(message, inner);
