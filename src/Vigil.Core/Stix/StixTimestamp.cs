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

        if (!DateTime.TryParseExact(text.AsSpan(0, 19), "yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture,
                DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var seconds))
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
