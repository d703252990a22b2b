using System.Text.Json.Nodes;

namespace AbsoluteZero.Web.Runs;

/// <summary>
/// Finds overrides that set a whole config group (or list) to null, e.g. <c>{"self_play": null}</c>. The config
/// records cannot hold a null group, so these are reported as field errors before binding.
/// </summary>
public static class NullGroups
{
    public static IEnumerable<string> Find(JsonObject baseline, JsonObject overrides, string prefix = "")
    {
        foreach (var (key, value) in overrides)
        {
            var path = prefix.Length == 0 ? key : $"{prefix}.{key}";
            var original = baseline[key];
            if (value is null && original is JsonObject or JsonArray)
                yield return path;
            else if (value is JsonObject nested && original is JsonObject nestedBaseline)
            {
                foreach (var inner in Find(nestedBaseline, nested, path))
                    yield return inner;
            }
        }
    }
}
