using System.Text.Json;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace AbsoluteZero.Data.Conventions;

/// <summary>
/// Stores an enum as its snake_case name (<c>queued</c>, <c>eval</c>), the spelling REST and the CLI use, so SQL
/// written by hand reads the same values.
/// </summary>
public sealed class SnakeCaseEnumConverter<TEnum>() : ValueConverter<TEnum, string>(v => Name(v), s => Parse(s))
    where TEnum : struct, Enum
{
    /// <summary>Every stored spelling, for the column's check constraint.</summary>
    public static IEnumerable<string> Names => Enum.GetValues<TEnum>().Select(Name);

    public static string Name(TEnum value) => JsonNamingPolicy.SnakeCaseLower.ConvertName(value.ToString());

    public static TEnum Parse(string name) =>
        TryParse(name, out var value) ? value : throw new InvalidOperationException($"'{name}' is not a {typeof(TEnum).Name}");

    public static bool TryParse(string name, out TEnum value)
    {
        foreach (var candidate in Enum.GetValues<TEnum>())
        {
            if (Name(candidate) == name)
            {
                value = candidate;
                return true;
            }
        }

        value = default;
        return false;
    }
}
