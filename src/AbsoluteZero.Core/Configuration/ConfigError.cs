namespace AbsoluteZero.Core.Configuration;

/// <summary>One problem with a config, named by its snake_case path (e.g. <c>self_play.batch_size</c>).</summary>
public sealed record ConfigError(string Field, string Message)
{
    public override string ToString() => $"{Field}: {Message}";
}
