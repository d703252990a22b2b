using AbsoluteZero.Model.Tokenization;

namespace AbsoluteZero.Model.Sampling;

/// <summary>
/// Detects a stop string that the latest token completed. Only a tail of the response is decoded each step (enough
/// tokens to hold the longest stop string), so the check costs the same at token 10 and token 8,000. A token that
/// runs past the stop string (e.g. "</answer>\n") still stops the row; its text is kept whole.
/// </summary>
public sealed class StopStrings
{
    private readonly TextTokenizer _tokenizer;
    private readonly IReadOnlyList<string> _stops;
    private readonly int _window;

    public StopStrings(TextTokenizer tokenizer, IReadOnlyList<string>? stops)
    {
        _tokenizer = tokenizer;
        _stops = stops?.Where(s => s.Length > 0).ToArray() ?? [];
        // A token holds at least one byte and a char at most four.
        _window = _stops.Count == 0 ? 0 : _stops.Max(s => s.Length) * 4 + 4;
    }

    public bool Any => _stops.Count > 0;

    /// <summary>True when the text of <paramref name="response"/> has a stop string ending inside its last token.</summary>
    public bool CompletedBy(IReadOnlyList<int> response)
    {
        if (_stops.Count == 0 || response.Count == 0)
            return false;
        var start = Math.Max(0, response.Count - _window);
        var before = _tokenizer.Decode(Slice(response, start, response.Count - 1));
        var after = _tokenizer.Decode(Slice(response, start, response.Count));
        foreach (var stop in _stops)
        {
            if (after.IndexOf(stop, Math.Max(0, before.Length - stop.Length + 1), StringComparison.Ordinal) >= 0)
                return true;
        }

        return false;
    }

    private static IEnumerable<int> Slice(IReadOnlyList<int> list, int from, int to)
    {
        for (var i = from; i < to; i++)
            yield return list[i];
    }
}
