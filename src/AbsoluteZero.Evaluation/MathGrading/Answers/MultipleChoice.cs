using System.Text.RegularExpressions;

namespace AbsoluteZero.Evaluation.MathGrading.Answers;

/// <summary>
/// MATH has a few multiple-choice problems whose reference is a letter (<c>\text{(B)}</c>). Models answer with the
/// letter, the letter and the option's value (<c>\textbf{(B) } 2</c>) or the letter in words; like the Qwen2.5-Math
/// grader's <c>choice_answer_clean</c>, the last standalone capital A–E of the answer is its choice.
/// </summary>
public static partial class MultipleChoice
{
    /// <summary>The letter when a normalised reference is just a choice: <c>(B)</c> or <c>B</c>.</summary>
    public static char? Letter(string normalizedReference) =>
        ReferenceChoice().Match(normalizedReference.Replace(" ", "")) is { Success: true } m ? m.Groups["letter"].Value[0] : null;

    public static char? LastLetter(string answer)
    {
        var matches = StandaloneLetter().Matches(answer);
        return matches.Count == 0 ? null : matches[^1].Groups["letter"].Value[0];
    }

    [GeneratedRegex(@"^\(?(?<letter>[A-E])\)?$")]
    private static partial Regex ReferenceChoice();

    // Not part of a word or command (\textbf, Bx), not a subscript or a variable in an expression (A_1, 2B).
    [GeneratedRegex(@"(?<![A-Za-z\\_0-9^])(?<letter>[A-E])(?![A-Za-z_0-9^])")]
    private static partial Regex StandaloneLetter();
}
