using System.Text;
using Microsoft.ML.Tokenizers;

namespace AbsoluteZero.Model.Tokenization;

/// <summary>Unicode NFC, as <c>"normalizer": {"type": "NFC"}</c> asks; Microsoft.ML.Tokenizers has no such class.</summary>
internal sealed class NfcNormalizer : Normalizer
{
    public static readonly NfcNormalizer Instance = new();

    public override string Normalize(string original) => original.Normalize(NormalizationForm.FormC);

    public override string Normalize(ReadOnlySpan<char> original) => original.ToString().Normalize(NormalizationForm.FormC);
}
