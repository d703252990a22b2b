namespace AbsoluteZero.Data.Runs;

/// <summary>What a run does: self-play training or an evaluation of one model on benchmarks.</summary>
public enum RunKind
{
    Train,
    Eval,
}
