using System.Text.Json;

namespace AbsoluteZero.Model.Tokenization;

/// <summary>
/// The parts of a Hugging Face <c>tokenizer.json</c> (byte-level BPE) that building a tokenizer needs, read with
/// errors that name the file and the field. Merges come as <c>"a b"</c> strings (older files) or as two-element
/// arrays (tokenizers ≥ 0.20); both are accepted.
/// </summary>
public sealed record TokenizerJson(
    IReadOnlyDictionary<string, int> Vocabulary,
    IReadOnlyList<string> Merges,
    IReadOnlyDictionary<string, int> AddedTokens,
    string SplitPattern,
    bool Nfc,
    bool IgnoreMerges = false)
{
    /// <summary>GPT-2's split, used when the pre-tokenizer is a plain ByteLevel with <c>use_regex</c>.</summary>
    public const string Gpt2SplitPattern = @"'s|'t|'re|'ve|'m|'ll|'d| ?\p{L}+| ?\p{N}+| ?[^\s\p{L}\p{N}]+|\s+(?!\S)|\s+";

    public static TokenizerJson Read(string path)
    {
        using var stream = File.OpenRead(path);
        return Parse(stream, path);
    }

    /// <param name="source">Names the origin in error messages.</param>
    public static TokenizerJson Parse(Stream json, string source)
    {
        try
        {
            using var document = JsonDocument.Parse(json, new JsonDocumentOptions { MaxDepth = 256 });
            return Parse(document.RootElement);
        }
        catch (Exception e) when (e is FormatException or JsonException or InvalidOperationException or KeyNotFoundException)
        {
            throw new FormatException($"{source}: {e.Message}", e);
        }
    }

    private static TokenizerJson Parse(JsonElement root)
    {
        var model = Required(root, "model");
        var type = model.TryGetProperty("type", out var t) ? t.GetString() : "BPE";
        if (type != "BPE")
            throw new FormatException($"model.type is '{type}'; only byte-level BPE tokenizers are supported");

        var vocabulary = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var entry in Required(model, "vocab").EnumerateObject())
            vocabulary[entry.Name] = entry.Value.GetInt32();

        var merges = new List<string>();
        if (model.TryGetProperty("merges", out var mergeArray))
        {
            var index = 0;
            foreach (var merge in mergeArray.EnumerateArray())
            {
                merges.Add(merge.ValueKind switch
                {
                    JsonValueKind.String => merge.GetString()!,
                    JsonValueKind.Array when merge.GetArrayLength() == 2 => $"{merge[0].GetString()} {merge[1].GetString()}",
                    _ => throw new FormatException($"model.merges[{index}] is neither \"a b\" nor [\"a\", \"b\"]"),
                });
                index++;
            }
        }

        var added = new Dictionary<string, int>(StringComparer.Ordinal);
        if (root.TryGetProperty("added_tokens", out var addedArray) && addedArray.ValueKind == JsonValueKind.Array)
        {
            foreach (var token in addedArray.EnumerateArray())
                added[Required(token, "content").GetString()!] = Required(token, "id").GetInt32();
        }

        var nfc = root.TryGetProperty("normalizer", out var normalizer) && normalizer.ValueKind == JsonValueKind.Object
            && normalizer.TryGetProperty("type", out var nt) && nt.GetString() == "NFC";
        if (normalizer.ValueKind == JsonValueKind.Object && !nfc)
            throw new FormatException($"normalizer '{normalizer.GetRawText()}' is not supported (only NFC or none)");

        var pattern = SplitPatternOf(Required(root, "pre_tokenizer"))
            ?? throw new FormatException("pre_tokenizer has no Split regex and no ByteLevel with use_regex");
        var ignoreMerges = model.TryGetProperty("ignore_merges", out var ignore) && ignore.ValueKind == JsonValueKind.True;
        return new TokenizerJson(vocabulary, merges, added, pattern, nfc, ignoreMerges);
    }

    private static string? SplitPatternOf(JsonElement preTokenizer)
    {
        switch (preTokenizer.GetProperty("type").GetString())
        {
            case "Sequence":
                foreach (var inner in preTokenizer.GetProperty("pretokenizers").EnumerateArray())
                {
                    if (SplitPatternOf(inner) is { } found)
                        return found;
                }

                return null;
            case "Split":
                var pattern = preTokenizer.GetProperty("pattern");
                return pattern.TryGetProperty("Regex", out var regex) ? regex.GetString() : System.Text.RegularExpressions.Regex.Escape(pattern.GetProperty("String").GetString()!);
            case "ByteLevel":
                return preTokenizer.TryGetProperty("use_regex", out var useRegex) && useRegex.GetBoolean() ? Gpt2SplitPattern : null;
            default:
                throw new FormatException($"pre_tokenizer type '{preTokenizer.GetProperty("type").GetString()}' is not supported");
        }
    }

    private static JsonElement Required(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) ? value : throw new FormatException($"missing field '{name}'");
}
