using System.Globalization;

namespace Vigil.Ads.Import;

/// <summary>Parsing of the cell and value forms found in published ad files.</summary>
internal static class Values
{
    private static readonly string[] DateFormats =
    [
        "yyyy-MM-dd", "yyyy-MM-dd'T'HH:mm:ssK", "yyyy-MM-dd'T'HH:mm:sszzz", "yyyy-MM-dd'T'HH:mm:ss'+0000'", "yyyy-MM-dd HH:mm:ss",
        "yyyy-MM-dd'T'HH:mm:ss", "yyyy/MM/dd HH:mm:ss'Z'", "yyyy/MM/dd HH:mm:ssK", "yyyy/MM/dd", "yyyy-MM-dd HH:mm:ss'Z'",
        "yyyy-MM-dd'T'HH:mm:ss.fffK",
    ];

    /// <summary>Empty, whitespace and R's <c>NA</c> mean "not reported".</summary>
    public static bool IsMissing(string? s) => string.IsNullOrWhiteSpace(s) || s is "NA" or "NaN" or "null" or "NULL";

    public static string? Text(string? s) => IsMissing(s) ? null : s!.Trim();

    public static bool TryDate(string s, out DateTimeOffset value)
    {
        var text = s.Trim();

        // Meta writes offsets without a colon (+0000), which the K/zzz specifiers do not read.
        if (text.Length > 5 && (text[^5] == '+' || text[^5] == '-') && char.IsAsciiDigit(text[^1]) && text[^3] != ':')
        {
            text = string.Concat(text.AsSpan(0, text.Length - 2), ":", text.AsSpan(text.Length - 2));
        }

        return DateTimeOffset.TryParseExact(text, DateFormats, CultureInfo.InvariantCulture,
            DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out value)
            || DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out value);
    }

    /// <summary>Whole number, also written as a decimal with zero fraction (<c>1000.0</c>) or with thousands separators removed.</summary>
    public static bool TryWhole(string s, out long value)
    {
        var text = s.Trim();
        if (long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out value))
        {
            return true;
        }

        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) && d == Math.Floor(d) && Math.Abs(d) < 9e15)
        {
            value = (long)d;
            return true;
        }

        return false;
    }

    public static bool TryShare(string s, out double value) =>
        double.TryParse(s.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out value) && double.IsFinite(value);

    /// <summary>A flattened list cell: <c>facebook, instagram</c>, or an R/JSON list <c>["a","b"]</c>.</summary>
    public static string[] List(string? s)
    {
        if (IsMissing(s))
        {
            return [];
        }

        var text = s!.Trim();
        if (text.StartsWith('[') && text.EndsWith(']'))
        {
            text = text[1..^1];
        }

        var parts = text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        for (var i = 0; i < parts.Length; i++)
        {
            parts[i] = parts[i].Trim('"', '\'');
        }

        return parts;
    }
}
