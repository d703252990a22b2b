namespace AbsoluteZero.Web.Training;

/// <summary>
/// What <c>azr train</c> tells whoever started it through its exit code (the offline command and the
/// <c>--run</c> mode share them).
/// </summary>
public static class TrainerExitCodes
{
    /// <summary>Every step ran; the final checkpoint is written (and, with <c>--run</c>, recorded).</summary>
    public const int Completed = 0;

    /// <summary>Training failed; the last lines of stderr say why.</summary>
    public const int Failed = 1;

    /// <summary>Bad flags, config, output folder, checkpoint or model: nothing was trained.</summary>
    public const int Setup = 2;

    /// <summary>Stopped by SIGINT after checkpointing the last finished step.</summary>
    public const int Interrupted = 130;

    /// <summary>Stopped by SIGTERM (or, with <c>--run</c>, because its supervisor went away) after checkpointing.</summary>
    public const int Terminated = 143;
}
