using TorchSharp.Modules;
using static TorchSharp.torch;

namespace AbsoluteZero.Model.Architecture;

/// <summary>The token embedding table, <c>embed_tokens.weight</c> [vocab, hidden]; also the LM head when tied.</summary>
public sealed class TokenEmbedding : nn.Module<Tensor, Tensor>
{
#pragma warning disable IDE1006 // state_dict key: Hugging Face's name
    private readonly Parameter weight;
#pragma warning restore IDE1006

    public TokenEmbedding(long vocabSize, long hiddenSize, Placement placement) : base(nameof(TokenEmbedding))
    {
        weight = placement.Parameter(vocabSize, hiddenSize);
        RegisterComponents();
    }

    public Parameter Weight => weight;

    /// <param name="ids">[B, T] int64</param>
    /// <returns>[B, T, hidden]</returns>
    public override Tensor forward(Tensor ids) =>
        weight.index_select(0, ids.reshape(-1)).view(ids.shape[0], ids.shape[1], weight.shape[1]);
}
