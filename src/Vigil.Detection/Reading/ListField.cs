namespace Vigil.Detection.Reading;

/// <summary>
/// Splits a list held in one text field: "[a, b]", "['a', 'b']" (Python lists, as in the Twitter
/// archives), "a|b", "a b" or "a,b". JSON arrays are passed in joined by U+001F.
/// </summary>
internal static class ListField
{
    public const char JsonSeparator = '\u001F';
    private static readonly char[] Separators = [',', '|', ' ', '\t', ';', '\n'];

    public static IReadOnlyList<string>? Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var span = text.AsSpan().Trim();
        if (span.Length >= 2 && span[0] == '[' && span[^1] == ']')
        {
            span = span[1..^1];
        }

        var parts = span.Contains(JsonSeparator)
            ? span.ToString().Split(JsonSeparator)
            : span.ToString().Split(Separators, StringSplitOptions.RemoveEmptyEntries);
        var result = new List<string>(parts.Length);
        foreach (var part in parts)
        {
            var value = part.Trim().Trim('\'', '"').Trim();
            if (value.Length > 0 && value != "None" && value != "null")
            {
                result.Add(value);
            }
        }

        return result.Count == 0 ? null : result;
    }
}
