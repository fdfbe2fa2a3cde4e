using System.Globalization;

namespace Vigil.Storage.Objects;

/// <summary>A stored version's date_added: microseconds since the Unix epoch, which is also its <c>seq</c>.</summary>
public static class DateAdded
{
    private const long TicksPerMicrosecond = TimeSpan.TicksPerMillisecond / 1000;

    public static long FromTime(DateTimeOffset time) => (time.UtcTicks - DateTime.UnixEpoch.Ticks) / TicksPerMicrosecond;

    public static long FromUtc(DateTime utc) => (utc.Ticks - DateTime.UnixEpoch.Ticks) / TicksPerMicrosecond;

    public static DateTime ToUtc(long seq) => new(DateTime.UnixEpoch.Ticks + (seq * TicksPerMicrosecond), DateTimeKind.Utc);

    /// <summary>The TAXII form, with microseconds so that consecutive versions stay distinguishable.</summary>
    public static string Format(long seq) =>
        ToUtc(seq).ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture);
}
