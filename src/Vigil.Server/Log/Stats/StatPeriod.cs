using System.Globalization;

namespace Vigil.Server.Log.Stats;

/// <summary>The two period lengths the public statistics are grouped by.</summary>
public enum StatPeriod
{
    Week,
    Month,
}

/// <summary>Period labels: ISO 8601 weeks (<c>2026-W48</c>) and calendar months (<c>2026-11</c>), both in UTC.</summary>
public static class StatPeriods
{
    public static string Label(StatPeriod period, DateTimeOffset at)
    {
        var utc = at.UtcDateTime;
        return period == StatPeriod.Week
            ? string.Create(CultureInfo.InvariantCulture, $"{ISOWeek.GetYear(utc)}-W{ISOWeek.GetWeekOfYear(utc):00}")
            : utc.ToString("yyyy-MM", CultureInfo.InvariantCulture);
    }
}
