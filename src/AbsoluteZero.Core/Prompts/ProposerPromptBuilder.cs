using AbsoluteZero.Core.Buffers;
using AbsoluteZero.Core.Tasks;

namespace AbsoluteZero.Core.Prompts;

/// <summary>A proposer prompt ready for the policy, with what it was built from (needed to validate the answer).</summary>
/// <param name="References">The K triplets shown (deduction/abduction), or the one program to write inputs for (induction).</param>
public sealed record ProposerPrompt(TaskType TaskType, string Text, IReadOnlyList<Triplet> References);

/// <summary>
/// Assembles proposer prompts with references drawn from a buffer, and applies the reference's prompt-length
/// guard: a prompt over the token limit is discarded and new references are drawn. Where the reference would
/// redraw forever, after <see cref="AttemptsPerSize"/> misses one reference fewer is shown, down to none.
/// </summary>
public sealed class ProposerPromptBuilder(Func<string, int> countTokens, int maxPromptTokens, IReadOnlyList<string> bannedWords)
{
    public const int AttemptsPerSize = 8;

    /// <param name="pool">Abduction/deduction: that type's buffer. Induction: the programs of both triplet buffers.</param>
    /// <param name="references">K for deduction/abduction (0 when references are switched off); ignored for induction.</param>
    public ProposerPrompt Build(TaskType type, IReadOnlyList<Triplet> pool, int references, int inductionInputs, bool seeding, AzrRandom random)
    {
        if (type == TaskType.Induction)
        {
            if (pool.Count == 0)
                throw new InvalidOperationException("no program to build an induction proposer prompt from");
            for (var attempt = 0; attempt < AttemptsPerSize * 8; attempt++)
            {
                var program = TaskSampler.One(pool, random);
                var text = ConversationTemplate.Wrap(ProposerPrompts.Induction(program.Program, inductionInputs));
                if (countTokens(text) <= maxPromptTokens)
                    return new ProposerPrompt(type, text, [program]);
            }

            throw new InvalidOperationException($"no induction proposer prompt fits in {maxPromptTokens} tokens");
        }

        for (var k = Math.Min(references, pool.Count); k >= 0; k--)
        {
            for (var attempt = 0; attempt < AttemptsPerSize; attempt++)
            {
                var chosen = TaskSampler.References(pool, k, random);
                var task = type == TaskType.Abduction
                    ? ProposerPrompts.Abduction(chosen, bannedWords, seeding)
                    : ProposerPrompts.Deduction(chosen, bannedWords, seeding);
                var text = ConversationTemplate.Wrap(task);
                if (countTokens(text) <= maxPromptTokens)
                    return new ProposerPrompt(type, text, chosen);
                if (k == 0)
                    break;
            }
        }

        throw new InvalidOperationException($"even without references the {type.JsonName()} proposer prompt does not fit in {maxPromptTokens} tokens");
    }
}
