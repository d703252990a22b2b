using System.Text.RegularExpressions;

namespace AbsoluteZero.Evaluation.MathGrading.Normalization;

/// <summary>
/// Removes units written after an answer: <c>15\mbox{ cm}^2</c>, <c>5.4 \text{ cents}</c>, <c>6.5 \mathrm{~m}</c>,
/// <c>125 miles</c>, <c>18 dollars per day</c>. Single letters stay unless they are wrapped in a text command,
/// because a bare <c>m</c> or <c>Z</c> in a physics answer is usually a quantity, not a unit.
/// </summary>
public static partial class UnitStripper
{
    private static readonly HashSet<string> UnitWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "cm", "mm", "km", "nm", "meter", "meters", "metre", "metres", "centimeter", "centimeters", "centimetre",
        "centimetres", "millimeter", "millimeters", "kilometer", "kilometers", "kilometre", "kilometres", "inch", "inches",
        "ft", "foot", "feet", "yard", "yards", "yd", "yds", "mile", "miles", "mph", "kph", "kmh", "sq", "square", "cubic",
        "unit", "units", "degree", "degrees", "deg", "radian", "radians", "dollar", "dollars", "cent", "cents", "euro",
        "euros", "pound", "pounds", "lb", "lbs", "ounce", "ounces", "oz", "gram", "grams", "kg", "mg", "liter", "liters",
        "litre", "litres", "ml", "gallon", "gallons", "second", "seconds", "sec", "secs", "minute", "minutes", "min",
        "mins", "hour", "hours", "hr", "hrs", "day", "days", "week", "weeks", "month", "months", "year", "years", "yr",
        "yrs", "cup", "cups", "people", "persons", "ergs", "erg", "joule", "joules", "watts", "kelvin", "hz", "ev",
        "kev", "mev", "pa", "atm", "mol", "per", "percent",
    };

    private static readonly string[] Wrappers = ["text", "textnormal", "textrm", "mbox", "mathrm", "operatorname", "textbf", "textit"];

    public static string StripTrailing(string s, IReadOnlyList<string>? extraUnits = null)
    {
        var text = s.Trim();
        for (var round = 0; round < 8; round++)
        {
            var before = text;
            text = StripExtraUnit(text, extraUnits);
            text = StripPower(text);
            text = StripWrappedUnit(text);
            text = StripWordUnit(text);
            if (text == before)
                break;
            // A compound unit (\mathrm{ergs} / \mathrm{s}, \text{kg} \cdot \text{m}) leaves its joiner behind.
            text = UnitJoiner().Replace(text, "");
        }

        return text;
    }

    private static string StripExtraUnit(string text, IReadOnlyList<string>? extraUnits)
    {
        if (extraUnits is null)
            return text;
        foreach (var unit in extraUnits)
        {
            var u = unit.Trim().Trim('$').Trim();
            if (u.Length > 0 && text.Length > u.Length && text.EndsWith(u, StringComparison.Ordinal))
                return text[..^u.Length].TrimEnd();
        }

        return text;
    }

    // A unit's power (cm^2, \text{ inches}^{2}) goes with the unit before it.
    private static string StripPower(string text)
    {
        var match = TrailingPower().Match(text);
        if (!match.Success)
            return text;
        var head = text[..match.Index].TrimEnd();
        var stripped = StripWordUnit(StripWrappedUnit(head));
        return stripped != head ? stripped : text;
    }

    private static string StripWrappedUnit(string text)
    {
        if (!text.EndsWith('}'))
            return text;
        foreach (var wrapper in Wrappers)
        {
            var marker = "\\" + wrapper;
            var at = text.LastIndexOf(marker, StringComparison.Ordinal);
            if (at <= 0)
                continue;
            var open = at + marker.Length;
            while (open < text.Length && text[open] == ' ')
                open++;
            if (open >= text.Length || text[open] != '{' || LatexGroups.MatchingBrace(text, open) != text.Length - 1)
                continue;
            var content = text[(open + 1)..^1];
            var head = text[..at].TrimEnd();
            if (IsUnitText(content) && HasValue(head))
                return head;
        }

        return text;
    }

    private static string StripWordUnit(string text)
    {
        var match = TrailingWord().Match(text);
        if (!match.Success)
            return text;
        var head = text[..match.Index].TrimEnd();
        var word = match.Groups["word"].Value;
        if (!HasValue(head))
            return text;
        if (UnitWords.Contains(word) || PlainNumberThenWords().IsMatch(text))
            return head;
        return text;
    }

    /// <summary>What a text command holds when it is a unit: words, ~ spacing, powers, slashes (<c>~cm</c>,
    /// <c>ergs~s}^{-1</c>, <c>km/h</c>), but not the single letters e, i, d that are constants or differentials.</summary>
    private static bool IsUnitText(string content)
    {
        var letters = new string(content.Where(char.IsAsciiLetter).ToArray());
        if (letters.Length == 0 || letters is "e" or "i" or "d" or "E")
            return false;
        return UnitText().IsMatch(content);
    }

    private static bool HasValue(string head)
    {
        // "ergs / s": what precedes the joiner must itself be a value or a unit.
        head = UnitJoiner().Replace(head, "");
        if (head.Length == 0)
            return false;
        var last = head[^1];
        return char.IsAsciiLetterOrDigit(last) || last is '}' or ')' or ']' or '.' or '|' or '!' or '\'';
    }

    [GeneratedRegex(@"\s*(/|\\cdot|\\,|\*)\s*$")]
    private static partial Regex UnitJoiner();

    [GeneratedRegex(@"\^\s*(\{\s*-?\d+\s*\}|-?\d)$")]
    private static partial Regex TrailingPower();

    [GeneratedRegex(@"(?<=[\s\d}])(?<word>[A-Za-z]{2,})$")]
    private static partial Regex TrailingWord();

    [GeneratedRegex(@"^\s*-?\d[\d.,]*\s+[A-Za-z][A-Za-z\s]*$")]
    private static partial Regex PlainNumberThenWords();

    [GeneratedRegex(@"^[\sA-Za-z~\\/.\-^{}0-9·]*$")]
    private static partial Regex UnitText();
}
