using System.Text;
using System.Text.RegularExpressions;
using Microsoft.ML.Tokenizers;

namespace AbsoluteZero.Model.Tokenization;

/// <summary>
/// Encoding for tokenizer.json files with <c>"ignore_merges": true</c> (Llama 3): a pre-token that is itself in the
/// vocabulary becomes that one id before any merge is tried, as Hugging Face's BPE does; other pre-tokens go through
/// BPE alone. Microsoft.ML.Tokenizers has no such switch, so this splits the text itself — added tokens first, then
/// the normaliser, then the split regex — the same order the library uses.
/// </summary>
internal sealed class WholeWordEncoder
{
    private readonly BpeTokenizer _bpe;
    private readonly Regex _split;
    private readonly Regex? _added;
    private readonly IReadOnlyDictionary<string, int> _addedTokens;
    private readonly IReadOnlyDictionary<string, int> _vocabulary;
    private readonly bool _nfc;

    public WholeWordEncoder(BpeTokenizer bpe, TokenizerJson json, Regex split)
    {
        _bpe = bpe;
        _split = split;
        _addedTokens = json.AddedTokens;
        _vocabulary = json.Vocabulary;
        _nfc = json.Nfc;
        if (json.AddedTokens.Count > 0)
        {
            // Longest first, so a token that contains another wins.
            var alternatives = json.AddedTokens.Keys.OrderByDescending(k => k.Length).Select(Regex.Escape);
            _added = new Regex(string.Join("|", alternatives), RegexOptions.Compiled | RegexOptions.CultureInvariant);
        }
    }

    public List<int> Encode(string text)
    {
        var ids = new List<int>();
        var start = 0;
        if (_added is not null)
        {
            foreach (Match special in _added.Matches(text))
            {
                EncodeOrdinary(text[start..special.Index], ids);
                ids.Add(_addedTokens[special.Value]);
                start = special.Index + special.Length;
            }
        }

        EncodeOrdinary(text[start..], ids);
        return ids;
    }

    private void EncodeOrdinary(string text, List<int> ids)
    {
        if (text.Length == 0)
            return;
        var normalized = _nfc ? text.Normalize(NormalizationForm.FormC) : text;
        foreach (Match piece in _split.Matches(normalized))
        {
            if (_vocabulary.TryGetValue(ByteLevel.Encode(piece.Value), out var whole))
                ids.Add(whole);
            else
                ids.AddRange(_bpe.EncodeToIds(piece.Value, considerPreTokenization: false, considerNormalization: false));
        }
    }
}
