namespace AbsoluteZero.Model.Architecture;

/// <summary>Token ids from callers are checked before they reach the embedding, whose native error names nothing.</summary>
public static class TokenIds
{
    public static void Check(IReadOnlyList<int> ids, int vocabularySize, string what)
    {
        for (var i = 0; i < ids.Count; i++)
        {
            if ((uint)ids[i] >= (uint)vocabularySize)
                throw new ArgumentOutOfRangeException(nameof(ids), ids[i], $"{what}: token {i} is id {ids[i]}, outside the model's vocabulary [0, {vocabularySize})");
        }
    }
}
