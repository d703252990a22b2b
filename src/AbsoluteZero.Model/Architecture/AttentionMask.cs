using static TorchSharp.torch;

namespace AbsoluteZero.Model.Architecture;

/// <summary>
/// The additive f32 mask attention adds to its scores: 0 where a query may look, the most negative f32 where it may
/// not (causality, padded keys). Every query may also look at its own slot: a pad query would otherwise see nothing,
/// its softmax would be NaN (the f32 minimum becomes −∞ in bf16), and that NaN would reach real queries through
/// 0 × NaN in the next layer's values. Real queries see their own slot anyway, so their result is unchanged.
/// </summary>
public static class AttentionMask
{
    /// <param name="keyValid">[B, S] bool: which key slots hold real tokens (false for left padding).</param>
    /// <param name="queryStart">The slot of the first query; queries are the last <paramref name="queryLength"/> of S.</param>
    /// <returns>[B, 1, T, S] f32</returns>
    public static Tensor Causal(Tensor keyValid, long queryStart, long queryLength)
    {
        using var scope = NewDisposeScope();
        var keys = keyValid.shape[1];
        var device = keyValid.device;
        var querySlots = arange(queryStart, queryStart + queryLength, ScalarType.Int64, device).unsqueeze(1);
        var keySlots = arange(keys, ScalarType.Int64, device).unsqueeze(0);
        var allowed = keySlots.le(querySlots).unsqueeze(0).logical_and(keyValid.unsqueeze(1))
            .logical_or(keySlots.eq(querySlots).unsqueeze(0))
            .unsqueeze(1);
        return zeros(allowed.shape, ScalarType.Float32, device)
            .masked_fill(allowed.logical_not(), float.MinValue)
            .MoveToOuterDisposeScope();
    }

    /// <summary>
    /// The mask for a full forward over rows that attend only to themselves: null (plain causal, the fused flash
    /// kernel) when every row's real tokens come first — unpadded or right-padded rows, as in training — since then
    /// causality alone keeps every real query off the padding; else the explicit mask.
    /// </summary>
    /// <param name="valid">[B, T] bool</param>
    public static Tensor? ForRows(Tensor valid)
    {
        using (var scope = NewDisposeScope())
        {
            var length = valid.shape[1];
            var realAfterPad = valid.narrow(1, 1, length - 1).logical_and(valid.narrow(1, 0, length - 1).logical_not());
            if (length < 2 || !realAfterPad.any().item<bool>())
                return null;
        }

        return Causal(valid, 0, valid.shape[1]);
    }

    /// <summary>Per-row positions from the mask: a row's first real token is position 0 however much padding precedes it.</summary>
    /// <param name="valid">[B, S] bool</param>
    public static Tensor Positions(Tensor valid)
    {
        using var scope = NewDisposeScope();
        return (valid.to_type(ScalarType.Int64).cumsum(1) - 1).clamp_min(0).MoveToOuterDisposeScope();
    }
}
