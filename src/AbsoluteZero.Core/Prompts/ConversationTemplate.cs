namespace AbsoluteZero.Core.Prompts;

/// <summary>
/// The DeepSeek-R1 style wrapper every AZR prompt goes through (reference <c>instruction_following</c>): a plain
/// conversation preamble naming the tags, the task after <c>User: </c>, and an opening <c>&lt;think&gt;</c> that the
/// model continues. Base models see this text as is: no chat template, no special tokens.
/// </summary>
public static class ConversationTemplate
{
    /// <summary>Where the reference splits prompt from generation; the preamble never contains it.</summary>
    public const string AssistantTurn = "Assistant:";

    /// <summary>The text every prompt ends with; the model's generation is read as this plus its response.</summary>
    public const string OpenThink = "<think>";

    private const string Preamble =
        "A conversation between User and Assistant. The User asks a question and the Assistant solves it. " +
        "The Assistant first works through the reasoning in its mind and then gives the User the answer. " +
        "The reasoning and the answer are enclosed in <think> </think> and <answer> </answer> tags respectively, " +
        "i.e., <think> reasoning here </think> <answer> answer here </answer>.";

    public static string Wrap(string task) => $"{Preamble} User: {task}\n{AssistantTurn} {OpenThink}";
}
