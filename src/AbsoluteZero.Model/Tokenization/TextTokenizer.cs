using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.ML.Tokenizers;

namespace AbsoluteZero.Model.Tokenization;

/// <summary>
/// A byte-level BPE tokenizer built from a Hugging Face <c>tokenizer.json</c> (Qwen2/Qwen2.5, Llama 3, the tiny
/// preset). Added tokens are matched in text exactly as HF does with <c>add_special_tokens=False</c>: they are given to
/// both the BPE model and the pre-tokenizer, otherwise <c>&lt;|im_start|&gt;</c> would be split into pieces.
/// No BOS/EOS is added: Qwen adds none, and AZR's prompts are plain text.
/// </summary>
public sealed class TextTokenizer
{
    public const string FileName = "tokenizer.json";

    private readonly BpeTokenizer _bpe;
    private readonly IReadOnlyDictionary<string, int> _addedTokens;
    private readonly WholeWordEncoder? _wholeWords;

    private TextTokenizer(BpeTokenizer bpe, IReadOnlyDictionary<string, int> addedTokens, int size, WholeWordEncoder? wholeWords)
    {
        _bpe = bpe;
        _addedTokens = addedTokens;
        Size = size;
        _wholeWords = wholeWords;
    }

    /// <summary>One past the largest id the tokenizer can produce; logits of ids at or above it are masked.</summary>
    public int Size { get; }

    public IReadOnlyDictionary<string, int> AddedTokens => _addedTokens;

    /// <summary>Loads <paramref name="path"/>: a tokenizer.json file or a folder that holds one.</summary>
    public static TextTokenizer Load(string path)
    {
        var file = Directory.Exists(path) ? Path.Combine(path, FileName) : path;
        if (!File.Exists(file))
            throw new FileNotFoundException($"No tokenizer at {path} (expected a tokenizer.json file or a folder holding one)", file);
        return Create(TokenizerJson.Read(file));
    }

    /// <summary>Builds from an in-memory tokenizer.json (the presets' own); <paramref name="source"/> names it in errors.</summary>
    public static TextTokenizer FromJson(JsonObject json, string source)
    {
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(json.ToJsonString()));
        return Create(TokenizerJson.Parse(stream, source));
    }

    public static TextTokenizer Create(TokenizerJson json)
    {
        var added = json.AddedTokens;
        var split = new Regex(json.SplitPattern, RegexOptions.Compiled | RegexOptions.CultureInvariant);
        var options = new BpeOptions(json.Vocabulary)
        {
            Merges = json.Merges,
            SpecialTokens = added.Count > 0 ? added : null,
            PreTokenizer = new RegexPreTokenizer(split, added.Count > 0 ? added : null),
            Normalizer = json.Nfc ? NfcNormalizer.Instance : null,
            ByteLevel = true,
        };
        var size = Math.Max(json.Vocabulary.Values.DefaultIfEmpty(-1).Max(), added.Values.DefaultIfEmpty(-1).Max()) + 1;
        var bpe = BpeTokenizer.Create(options);
        return new TextTokenizer(bpe, added, size, json.IgnoreMerges ? new WholeWordEncoder(bpe, json, split) : null);
    }

    public IReadOnlyList<int> Encode(string text) => _wholeWords?.Encode(text) ?? _bpe.EncodeToIds(text);

    public int CountTokens(string text) => _wholeWords?.Encode(text).Count ?? _bpe.CountTokens(text);

    /// <summary>Decodes ids to text; added tokens are kept unless <paramref name="skipSpecialTokens"/>.</summary>
    public string Decode(IEnumerable<int> ids, bool skipSpecialTokens = false) =>
        _bpe.Decode(ids.Where(id => id < Size), considerSpecialTokens: !skipSpecialTokens);

    /// <summary>The id of a token string (vocabulary or added), or null.</summary>
    public int? TokenId(string token) =>
        _addedTokens.TryGetValue(token, out var id) ? id : _bpe.Vocabulary.TryGetValue(token, out var v) ? v : null;
}
