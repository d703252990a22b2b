using System.Text;

namespace AbsoluteZero.Model.Tokenization;

/// <summary>GPT-2's bytes_to_unicode: printable bytes map to themselves, the rest to U+0100 onwards.</summary>
internal static class ByteLevel
{
    public static readonly char[] Chars = Create();

    /// <summary>The byte-level spelling of <paramref name="text"/>, as vocabulary keys are written.</summary>
    public static string Encode(string text)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        var chars = new char[bytes.Length];
        for (var i = 0; i < bytes.Length; i++)
            chars[i] = Chars[bytes[i]];
        return new string(chars);
    }

    private static char[] Create()
    {
        var map = new char[256];
        var next = 256;
        for (var b = 0; b < 256; b++)
        {
            var printable = b is >= '!' and <= '~' or >= 0xA1 and <= 0xAC or >= 0xAE and <= 0xFF;
            map[b] = printable ? (char)b : (char)next++;
        }

        return map;
    }
}
