using System.Collections;
using System.Reflection;
using System.Text.Json;
using AbsoluteZero.Core.Configuration;
using AbsoluteZero.Core.Json;

namespace AbsoluteZero.Web.Components.Runs;

public enum ConfigFieldKind { Integer, Number, Boolean, Text, OptionalText, Choice, ChoiceList }

/// <summary>One leaf of <see cref="RunConfig"/> as the New-run form edits it; <see cref="Path"/> is its JSON path (<c>self_play.batch_size</c>).</summary>
public sealed record ConfigField(string Group, string Path, string Label, ConfigFieldKind Kind, IReadOnlyList<string> Choices, string? Help);

/// <summary>
/// Every field of <see cref="RunConfig"/>, found by reflection so a field added to the config appears in the form
/// without touching the UI; names and enum values are the snake_case ones REST uses.
/// </summary>
public static class ConfigFields
{
    private static readonly JsonNamingPolicy Snake = AzrJson.Options.PropertyNamingPolicy!;

    /// <summary>The form's groups in the order of <see cref="RunConfig"/>'s properties, with a title each.</summary>
    public static readonly IReadOnlyList<(string Group, string Title, IReadOnlyList<ConfigField> Fields)> Groups = Discover();

    public static IEnumerable<ConfigField> All => Groups.SelectMany(g => g.Fields);

    private static List<(string, string, IReadOnlyList<ConfigField>)> Discover()
    {
        var nullability = new NullabilityInfoContext();
        var groups = new List<(string, string, IReadOnlyList<ConfigField>)>();
        foreach (var group in typeof(RunConfig).GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            var groupName = Snake.ConvertName(group.Name);
            var fields = group.PropertyType.GetProperties(BindingFlags.Public | BindingFlags.Instance)
                .Select(p =>
                {
                    var name = Snake.ConvertName(p.Name);
                    var path = $"{groupName}.{name}";
                    var (kind, choices) = KindOf(p, nullability);
                    return new ConfigField(groupName, path, name.Replace('_', ' '), kind, choices, ConfigFieldHelp.For(path));
                })
                .ToList();
            groups.Add((groupName, GroupTitle(groupName), fields));
        }

        return groups;
    }

    private static string GroupTitle(string group) => group switch
    {
        "self_play" => "Self-play",
        "optimization" => "Optimisation",
        _ => char.ToUpperInvariant(group[0]) + group[1..].Replace('_', ' '),
    };

    private static (ConfigFieldKind, IReadOnlyList<string>) KindOf(PropertyInfo property, NullabilityInfoContext nullability)
    {
        var type = property.PropertyType;
        if (type == typeof(int) || type == typeof(long))
            return (ConfigFieldKind.Integer, []);
        if (type == typeof(double) || type == typeof(float))
            return (ConfigFieldKind.Number, []);
        if (type == typeof(bool))
            return (ConfigFieldKind.Boolean, []);
        if (type.IsEnum)
            return (ConfigFieldKind.Choice, EnumNames(type));
        if (type == typeof(string))
            return (nullability.Create(property).WriteState == NullabilityState.Nullable ? ConfigFieldKind.OptionalText : ConfigFieldKind.Text, []);
        var element = type.IsGenericType && typeof(IEnumerable).IsAssignableFrom(type) ? type.GetGenericArguments()[0] : null;
        if (element is { IsEnum: true })
            return (ConfigFieldKind.ChoiceList, EnumNames(element));
        throw new NotSupportedException($"The New-run form has no editor for {property.DeclaringType?.Name}.{property.Name} ({type.Name}).");
    }

    private static string[] EnumNames(Type enumType) => Enum.GetNames(enumType).Select(Snake.ConvertName).ToArray();
}
