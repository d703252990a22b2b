using System.Text.Json.Nodes;

namespace AbsoluteZero.Model.Tokenization;

/// <summary>
/// A merge-free byte-level tokenizer.json: one token per byte (GPT-2's byte↔char map, ids 0–255) plus added tokens.
/// The built-in presets use it so they run without downloading a vocabulary; it is a real HF tokenizer file, so a
/// saved preset checkpoint opens in any HF tool.
/// </summary>
public static class ByteLevelTokenizerJson
{
    /// <summary>The end-of-sequence token (also used as padding), id 256.</summary>
    public const string EndOfText = "<|endoftext|>";

    /// <summary>EOS first, then the R1 template's tags, so a tiny model can emit each as one token.</summary>
    public static readonly IReadOnlyList<string> AddedTokens = [EndOfText, "<think>", "</think>", "<answer>", "</answer>"];

    public static JsonObject Create()
    {
        var vocab = new JsonObject();
        var chars = ByteLevel.Chars;
        for (var b = 0; b < 256; b++)
            vocab[chars[b].ToString()] = b;
        var added = new JsonArray();
        for (var i = 0; i < AddedTokens.Count; i++)
        {
            added.Add(new JsonObject
            {
                ["id"] = 256 + i, ["content"] = AddedTokens[i], ["single_word"] = false, ["lstrip"] = false,
                ["rstrip"] = false, ["normalized"] = false, ["special"] = true,
            });
        }

        var byteLevel = new JsonObject { ["type"] = "ByteLevel", ["add_prefix_space"] = false, ["trim_offsets"] = false, ["use_regex"] = false };
        return new JsonObject
        {
            ["version"] = "1.0",
            ["truncation"] = null,
            ["padding"] = null,
            ["added_tokens"] = added,
            ["normalizer"] = new JsonObject { ["type"] = "NFC" },
            ["pre_tokenizer"] = new JsonObject
            {
                ["type"] = "Sequence",
                ["pretokenizers"] = new JsonArray(
                    new JsonObject
                    {
                        ["type"] = "Split",
                        ["pattern"] = new JsonObject { ["Regex"] = QwenSplitPattern },
                        ["behavior"] = "Isolated",
                        ["invert"] = false,
                    },
                    byteLevel.DeepClone()),
            },
            ["post_processor"] = byteLevel.DeepClone(),
            ["decoder"] = byteLevel.DeepClone(),
            ["model"] = new JsonObject
            {
                ["type"] = "BPE", ["dropout"] = null, ["unk_token"] = null, ["continuing_subword_prefix"] = "",
                ["end_of_word_suffix"] = "", ["fuse_unk"] = false, ["byte_fallback"] = false, ["ignore_merges"] = false,
                ["vocab"] = vocab, ["merges"] = new JsonArray(),
            },
        };
    }

    /// <summary>Qwen2's pre-tokenizer split (digits one by one).</summary>
    public const string QwenSplitPattern = @"(?i:'s|'t|'re|'ve|'m|'ll|'d)|[^\r\n\p{L}\p{N}]?\p{L}+|\p{N}| ?[^\s\p{L}\p{N}]+[\r\n]*|\s*[\r\n]+|\s+(?!\S)|\s+";
}
