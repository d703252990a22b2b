namespace AbsoluteZero.Core.Prompts;

/// <summary>
/// The words a deduction/abduction proposer is told not to use (reference
/// <c>azr.data_selection_strategy.banned_words</c>, exact order, duplicate <c>datetime</c> included, AZR.md §2.3).
/// The prompt shows this list; enforcement is the sandbox's <c>azr</c> policy on every import form.
/// </summary>
public static class BannedWords
{
    public static readonly IReadOnlyList<string> Reference =
    [
        "logging", "random", "multiprocessing", "pebble", "subprocess", "threading", "datetime", "time", "hashlib",
        "hmac", "bcrypt", "os.sys", "os.path", "sys.exit", "os.environ", "calendar", "datetime",
    ];
}
