namespace AbsoluteZero.Evaluation.Benchmarks.CodeSets;

/// <summary>
/// The tasks whose outputs EvalPlus does not compare with plain equality (<c>evalplus/eval/_special_oracle.py</c>). The
/// names are the harness's (<c>harness.py</c>, <c>_matches</c>).
/// </summary>
public static class EvalPlusOracles
{
    /// <summary>HumanEval/32: any root is accepted; the polynomial at the returned point must be within atol of zero.</summary>
    public const string FindZero = "find_zero";

    /// <summary>MBPP+ tasks returning a regex match object: only whether the result is None counts.</summary>
    public const string NotNone = "not_none";

    /// <summary>MBPP+ tasks whose outputs are compared as sets.</summary>
    public const string SetEqual = "set_eq";

    /// <summary>Mbpp/581: the canonical output, or the surface area read with "height" as the pyramid's height.</summary>
    public const string SurfaceArea = "surface_area";

    /// <summary>Mbpp/558: the canonical output, or the digit distance after zero-padding to equal length.</summary>
    public const string DigitDistance = "digit_distance";

    private static readonly HashSet<string> NotNoneEntryPoints = ["check_str", "text_match_three", "text_starta_endb"];

    private static readonly HashSet<string> SetEqualEntryPoints =
        ["similar_elements", "find_char_long", "common_in_nested_lists", "extract_singly", "larg_nnum", "intersection_array", "find_dissimilar", "Diff"];

    public static string? For(EvalPlusDataset dataset, string entryPoint) => dataset switch
    {
        EvalPlusDataset.HumanEval => entryPoint == "find_zero" ? FindZero : null,
        _ when NotNoneEntryPoints.Contains(entryPoint) => NotNone,
        _ when SetEqualEntryPoints.Contains(entryPoint) => SetEqual,
        _ => entryPoint switch
        {
            "surface_Area" => SurfaceArea,
            "digit_distance_nums" => DigitDistance,
            _ => null,
        },
    };
}
