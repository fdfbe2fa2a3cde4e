using System.Globalization;

namespace Vigil.Detection.Reading;

/// <summary>
/// Parses the timestamp spellings found in activity exports and returns Unix seconds, UTC: Unix
/// seconds or milliseconds, ISO 8601 with or without offset, "yyyy-MM-dd HH:mm[:ss]", US
/// "M/D/YYYY H:MM[:SS]" (FiveThirtyEight), the Twitter API's "ddd MMM dd HH:mm:ss +zzzz yyyy" and
/// RFC 1123. A time without a zone is taken as UTC.
/// </summary>
public static class TimestampParser
{
    private static readonly string[] Formats =
    [
        "yyyy-MM-dd HH:mm:ss",
        "yyyy-MM-dd HH:mm",
        "yyyy-MM-dd HH:mm:ss.FFFFFFF",
        "yyyy-MM-dd HH:mm:sszzz",
        "yyyy-MM-dd HH:mm:ss zzz",
        "yyyy-MM-dd",
        "M/d/yyyy H:mm",
        "M/d/yyyy H:mm:ss",
        "M/d/yyyy h:mm tt",
        "M/d/yyyy h:mm:ss tt",
        "M/d/yyyy",
        "ddd MMM dd HH:mm:ss zzz yyyy",
        "r",
    ];

    public static bool TryParse(string? text, out long unixSeconds)
    {
        unixSeconds = 0;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        var span = text.AsSpan().Trim();
        if (long.TryParse(span, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number))
        {
            // Beyond year 5138 in seconds means the number is milliseconds.
            unixSeconds = Math.Abs(number) > 100_000_000_000L ? number / 1000 : number;
            return true;
        }

        if (double.TryParse(span, NumberStyles.Float, CultureInfo.InvariantCulture, out var fractional) && span.Contains('.'))
        {
            unixSeconds = (long)Math.Floor(fractional);
            return true;
        }

        const DateTimeStyles styles = DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal | DateTimeStyles.AllowWhiteSpaces;
        if (DateTimeOffset.TryParseExact(span, Formats, CultureInfo.InvariantCulture, styles, out var exact)
            || DateTimeOffset.TryParse(span, CultureInfo.InvariantCulture, styles, out exact))
        {
            unixSeconds = exact.ToUnixTimeSeconds();
            return true;
        }

        return false;
    }
}
