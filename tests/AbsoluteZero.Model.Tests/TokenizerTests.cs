using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using AbsoluteZero.Model.Tokenization;
using AbsoluteZero.Testing;

namespace AbsoluteZero.Model.Tests;

/// <summary>The Qwen tokenizer is expensive to build (~1 s); one instance serves every test in the class.</summary>
public sealed class QwenTokenizerFixture
{
    public TextTokenizer Tokenizer { get; } = TextTokenizer.Load(RepositoryPaths.QwenTokenizer);
}

public sealed class TokenizerTests(QwenTokenizerFixture fixture) : IClassFixture<QwenTokenizerFixture>
{
    private readonly TextTokenizer _qwen = fixture.Tokenizer;

    public static IEnumerable<object[]> ReferenceCases()
    {
        using var document = JsonDocument.Parse(File.ReadAllText(Path.Combine(RepositoryPaths.Fixtures, "hf-reference", "tokenizer-ids.json")));
        var index = 0;
        foreach (var c in document.RootElement.GetProperty("cases").EnumerateArray())
            yield return [index++, c.GetProperty("text").GetString()!, c.GetProperty("ids").EnumerateArray().Select(i => i.GetInt32()).ToArray()];
    }

    [Fact]
    public void All_172_reference_cases_are_present() => Assert.Equal(172, ReferenceCases().Count());

    [Theory]
    [MemberData(nameof(ReferenceCases))]
    public void Ids_equal_huggingface_tokenizers(int index, string text, int[] expected)
    {
        Assert.True(expected.SequenceEqual(_qwen.Encode(text)), $"case {index}");
        Assert.Equal(expected.Length, _qwen.CountTokens(text));
        // Decoding gives back the NFC form of the text (the normaliser ran before BPE).
        Assert.Equal(text.Normalize(NormalizationForm.FormC), _qwen.Decode(expected));
    }

    [Fact]
    public void Special_tokens_are_kept_or_dropped_on_decode_and_the_size_covers_added_tokens()
    {
        var ids = _qwen.Encode("<|im_start|>user\nhi<|im_end|>");
        Assert.Equal(151644, ids[0]);
        Assert.Equal("user\nhi", _qwen.Decode(ids, skipSpecialTokens: true));
        Assert.Equal(151669, _qwen.Size);
        Assert.Equal(151643, _qwen.TokenId("<|endoftext|>"));
    }

    [Fact]
    public void Merges_as_strings_and_as_pairs_build_the_same_tokenizer()
    {
        var strings = ByteTokenizerWith(new JsonArray("a b", "ab c"), ignoreMerges: false);
        var pairs = ByteTokenizerWith(new JsonArray(new JsonArray("a", "b"), new JsonArray("ab", "c")), ignoreMerges: false);
        Assert.Equal([301, 98], strings.Encode("abcb"));
        Assert.Equal(strings.Encode("abcb xabc"), pairs.Encode("abcb xabc"));
    }

    [Fact]
    public void With_ignore_merges_a_whole_word_in_the_vocabulary_wins_over_merges_as_in_llama3()
    {
        // Only "a b" is merged: "abc" and "Ġabc" are in the vocabulary but no merge reaches them.
        Assert.Equal([300, 99], ByteTokenizerWith(new JsonArray("a b"), ignoreMerges: false).Encode("abc"));
        var llamaLike = ByteTokenizerWith(new JsonArray("a b"), ignoreMerges: true);
        Assert.Equal([301], llamaLike.Encode("abc"));
        // Pre-tokens: "x", <|endoftext|>, "abc" (whole), " abc" (whole), " abd" (BPE: Ġ ab d), <think>.
        const string text = "x<|endoftext|>abc abc abd<think>";
        Assert.Equal([120, 256, 301, 302, 32, 300, 100, 257], llamaLike.Encode(text));
        Assert.Equal(8, llamaLike.CountTokens(text));
        Assert.Equal(text, llamaLike.Decode(llamaLike.Encode(text)));
    }

    [Fact]
    public void The_byte_level_preset_tokenizer_round_trips_any_text_and_knows_the_R1_tags()
    {
        var tiny = TextTokenizer.FromJson(ByteLevelTokenizerJson.Create(), "tiny");
        const string text = "<think>\nx = 'é😀'\n</think> <answer>42</answer><|endoftext|>";
        var ids = tiny.Encode(text);
        Assert.Equal(257, ids[0]);
        Assert.Equal(256, ids[^1]);
        Assert.Equal(text, tiny.Decode(ids));
        Assert.Equal(261, tiny.Size);
    }

    /// <summary>The byte-level preset tokenizer plus "ab" = 300, "abc" = 301, "Ġabc" = 302 and the given merges.</summary>
    private static TextTokenizer ByteTokenizerWith(JsonArray merges, bool ignoreMerges)
    {
        var json = ByteLevelTokenizerJson.Create();
        var model = json["model"]!.AsObject();
        var vocab = model["vocab"]!.AsObject();
        vocab["ab"] = 300;
        vocab["abc"] = 301;
        vocab["Ġabc"] = 302;
        model["merges"] = merges;
        model["ignore_merges"] = ignoreMerges;
        return TextTokenizer.FromJson(json, "test");
    }

    [Fact]
    public void A_broken_tokenizer_file_is_refused_with_its_path()
    {
        var path = Path.Combine(Path.GetTempPath(), $"azr-bad-tokenizer-{Guid.NewGuid():N}.json");
        File.WriteAllText(path, """{"model": {"type": "Unigram", "vocab": []}, "pre_tokenizer": null}""");
        try
        {
            var error = Assert.Throws<FormatException>(() => TextTokenizer.Load(path));
            Assert.Contains(path, error.Message);
            Assert.Contains("Unigram", error.Message);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public async Task Tokenize_json_lines_answers_every_line_and_names_bad_ones()
    {
        var input = new StringReader("{\"id\": 7, \"text\": \"Hello, world!\"}\n\n{\"id\": \"b\", \"text\": 3}\nnot json\n{\"text\": \"x\"}\n{\"id\": [1], \"text\": \"<|im_end|>\"}\n");
        var output = new StringWriter();
        var errors = await TokenizeJsonLines.RunAsync(_qwen, input, output);
        var lines = output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(3, errors);
        Assert.Equal(5, lines.Length);
        Assert.Equal("{\"id\":7,\"ids\":[9707,11,1879,0]}", lines[0]);
        Assert.Equal("{\"id\":\"b\",\"error\":\"line 3: field 'text' must be a string\"}", lines[1]);
        Assert.StartsWith("{\"id\":null,\"error\":\"line 4: invalid JSON", lines[2]);
        Assert.Equal("{\"id\":null,\"error\":\"line 5: missing field 'id'\"}", lines[3]);
        Assert.Equal("{\"id\":[1],\"ids\":[151645]}", lines[4]);
    }
}
