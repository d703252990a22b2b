namespace AbsoluteZero.Data.Models;

/// <summary>A base model someone registered, or a checkpoint a training run produced.</summary>
public enum ModelKind
{
    Base,
    Checkpoint,
}
