namespace AbsoluteZero.Core.Policy;

/// <param name="MaxNewTokens">Generation stops for a row at this many response tokens (the row is then truncated).</param>
/// <param name="Temperature">0 means greedy (argmax); AZR trains at 1.0.</param>
/// <param name="TopP">Nucleus mass kept; 1.0 keeps everything.</param>
/// <param name="StopStrings">A row also stops once its text ends with one of these (the EOS token always stops it).</param>
public sealed record SamplingOptions(int MaxNewTokens, double Temperature = 1.0, double TopP = 1.0, IReadOnlyList<string>? StopStrings = null);
