using System.Globalization;

namespace Vigil.Core.Stix;

/// <summary>
/// A STIX timestamp (RFC 3339, UTC, "Z", optional fraction). The original text is kept because an object's
/// version is identified by its exact <c>modified</c> string; <see cref="Utc"/> orders versions.
/// </summary>
public readonly record struct StixTimestamp(DateTime Utc, string Text) : IComparable<StixTimestamp>
{
    public static bool TryParse(string? text, out StixTimestamp value)
    {
        value = default;
        if (text is null || text.Length < 20 || text[^1] != 'Z' || text[10] != 'T')
        {
            return false;
        }

        var fractionStart = text.IndexOf('.', 19);
        if (text.Length > 20 && fractionStart != 19)
        {
            return false;
        }

        if (!TryParseSeconds(text.AsSpan(0, 19), out var seconds))
        {
            return false;
        }

        long ticks = 0;
        if (fractionStart == 19)
        {
            var digits = text.AsSpan(20, text.Length - 21);
            if (digits.IsEmpty)
            {
                return false;
            }

            long scale = TimeSpan.TicksPerSecond;
            foreach (var c in digits)
            {
                if (c is < '0' or > '9')
                {
                    return false;
                }

                scale /= 10;
                ticks += (c - '0') * scale;
            }
        }

        value = new StixTimestamp(DateTime.SpecifyKind(seconds.AddTicks(ticks), DateTimeKind.Utc), text);
        return true;
    }

    // Hand-parsed: DateTime.TryParseExact costs several times more, and ingest parses a few of these per object.
    private static bool TryParseSeconds(ReadOnlySpan<char> t, out DateTime value)
    {
        value = default;
        if (t[4] != '-' || t[7] != '-' || t[13] != ':' || t[16] != ':')
        {
            return false;
        }

        if (!Digits(t[..4], out var year) || !Digits(t.Slice(5, 2), out var month) || !Digits(t.Slice(8, 2), out var day)
            || !Digits(t.Slice(11, 2), out var hour) || !Digits(t.Slice(14, 2), out var minute) || !Digits(t.Slice(17, 2), out var second))
        {
            return false;
        }

        if (year < 1 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month) || hour > 23 || minute > 59 || second > 59)
        {
            return false;
        }

        value = new DateTime(year, month, day, hour, minute, second, DateTimeKind.Utc);
        return true;
    }

    private static bool Digits(ReadOnlySpan<char> s, out int value)
    {
        value = 0;
        foreach (var c in s)
        {
            if (c is < '0' or > '9')
            {
                return false;
            }

            value = (value * 10) + (c - '0');
        }

        return true;
    }

    public static StixTimestamp Parse(string text) =>
        TryParse(text, out var value) ? value : throw new FormatException($"'{text}' is not a STIX timestamp (YYYY-MM-DDTHH:MM:SS[.s+]Z).");

    /// <summary>Formats with millisecond precision, the form most STIX producers use.</summary>
    public static StixTimestamp From(DateTimeOffset time)
    {
        var utc = time.UtcDateTime;
        var truncated = new DateTime(utc.Ticks - (utc.Ticks % TimeSpan.TicksPerMillisecond), DateTimeKind.Utc);
        return new StixTimestamp(truncated, truncated.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture));
    }

    public int CompareTo(StixTimestamp other) => Utc.CompareTo(other.Utc);

    public override string ToString() => Text;

    public static bool operator <(StixTimestamp left, StixTimestamp right) => left.CompareTo(right) < 0;

    public static bool operator >(StixTimestamp left, StixTimestamp right) => left.CompareTo(right) > 0;

    public static bool operator <=(StixTimestamp left, StixTimestamp right) => left.CompareTo(right) <= 0;

    public static bool operator >=(StixTimestamp left, StixTimestamp right) => left.CompareTo(right) >= 0;
}
