namespace AbsoluteZero.Core.Tasks;

/// <summary>The reference's names for task types, used in metric prefixes and seed files.</summary>
public static class TaskTypeNames
{
    /// <summary><c>code_o</c>, <c>code_i</c>, <c>code_f</c>.</summary>
    public static string ReferenceCode(this TaskType type) => type switch
    {
        TaskType.Deduction => "code_o",
        TaskType.Abduction => "code_i",
        TaskType.Induction => "code_f",
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, null),
    };

    /// <summary>The reference's per-(type, role) batch name, e.g. <c>gen_code_i</c> or <c>pred_code_f</c>.</summary>
    public static string BatchName(this TaskType type, Role role) =>
        (role == Role.Propose ? "gen_" : "pred_") + type.ReferenceCode();

    /// <summary>Lower-case name as it appears in JSON (<c>deduction</c>, <c>abduction</c>, <c>induction</c>).</summary>
    public static string JsonName(this TaskType type) => type.ToString().ToLowerInvariant();
}
