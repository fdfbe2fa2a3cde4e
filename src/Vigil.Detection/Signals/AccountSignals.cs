using System.Text.RegularExpressions;
using Vigil.Detection.Activities;

namespace Vigil.Detection.Signals;

/// <summary>
/// Account-level signals, judged per account over the whole input:
/// <list type="bullet">
/// <item><c>creation-burst</c>: created on a day with far more new accounts than the input's
/// typical day (Poisson tail ≤ 10⁻⁶ against the median day, and at least 5);</item>
/// <item><c>handle-pattern</c>: a handle of letters followed by four or more digits (name + digits);</item>
/// <item><c>off-hours-for-location</c>: at least 20 activities and 40% or more of them between 00:00
/// and 06:00 local time of the claimed location (a small built-in table of places and UTC offsets).</item>
/// </list>
/// </summary>
internal static partial class AccountSignals
{
    public const string CreationBurst = "creation-burst";
    public const string HandlePattern = "handle-pattern";
    public const string OffHours = "off-hours-for-location";

    private static readonly (string Place, int Offset)[] Places =
    [
        ("moscow", 3), ("russia", 3), ("saint petersburg", 3), ("st. petersburg", 3), ("st petersburg", 3),
        ("london", 0), ("united kingdom", 0), ("england", 0), ("berlin", 1), ("germany", 1), ("paris", 1), ("france", 1),
        ("hong kong", 8), ("china", 8), ("beijing", 8), ("shanghai", 8), ("taiwan", 8), ("tokyo", 9), ("japan", 9),
        ("new york", -5), ("washington", -5), ("florida", -5), ("atlanta", -5), ("boston", -5), ("ohio", -5),
        ("virginia", -5), ("pennsylvania", -5), ("georgia", -5), ("chicago", -6), ("texas", -6), ("houston", -6),
        ("dallas", -6), ("los angeles", -8), ("california", -8), ("san francisco", -8), ("seattle", -8),
        ("united states", -6), ("usa", -6),
    ];

    public static List<string>[] Compute(ActivityTable table)
    {
        var accounts = table.Accounts;
        var flags = new List<string>[accounts.Count];
        for (var a = 0; a < flags.Length; a++)
        {
            flags[a] = [];
        }

        FlagCreationBursts(accounts, flags);
        for (var a = 0; a < accounts.Count; a++)
        {
            if (accounts.Handles[a] is { } handle && NamePlusDigits().IsMatch(handle))
            {
                flags[a].Add(HandlePattern);
            }
        }

        FlagOffHours(table, flags);
        return flags;
    }

    public static int? UtcOffset(string? location)
    {
        if (string.IsNullOrWhiteSpace(location))
        {
            return null;
        }

        var lower = location.ToLowerInvariant();
        foreach (var (place, offset) in Places)
        {
            if (lower.Contains(place, StringComparison.Ordinal))
            {
                return offset;
            }
        }

        return null;
    }

    private static void FlagCreationBursts(AccountTable accounts, List<string>[] flags)
    {
        var perDay = new Dictionary<long, int>();
        for (var a = 0; a < accounts.Count; a++)
        {
            if (accounts.CreatedAt[a] != AccountTable.UnknownTime)
            {
                var day = Math.DivRem(accounts.CreatedAt[a], 86400L).Quotient;
                perDay[day] = perDay.GetValueOrDefault(day) + 1;
            }
        }

        if (perDay.Count < 3)
        {
            return;
        }

        var counts = perDay.Values.Order().ToArray();
        var typical = Math.Max(1.0, counts[counts.Length / 2]);
        var burstDays = new HashSet<long>();
        foreach (var (day, count) in perDay)
        {
            if (count >= 5 && NullModel.PoissonTailLog10(count, typical) <= -6)
            {
                burstDays.Add(day);
            }
        }

        for (var a = 0; a < accounts.Count; a++)
        {
            if (accounts.CreatedAt[a] != AccountTable.UnknownTime && burstDays.Contains(Math.DivRem(accounts.CreatedAt[a], 86400L).Quotient))
            {
                flags[a].Add(CreationBurst);
            }
        }
    }

    private static void FlagOffHours(ActivityTable table, List<string>[] flags)
    {
        var accounts = table.Accounts;
        var offsets = new int?[accounts.Count];
        var any = false;
        for (var a = 0; a < accounts.Count; a++)
        {
            offsets[a] = UtcOffset(accounts.Locations[a]);
            any |= offsets[a] is not null;
        }

        if (!any)
        {
            return;
        }

        var total = new int[accounts.Count];
        var night = new int[accounts.Count];
        for (var r = 0; r < table.Count; r++)
        {
            var a = table.Account[r];
            if (offsets[a] is { } offset)
            {
                total[a]++;
                var hour = (int)(((table.Time[r] / 3600) + offset) % 24 + 24) % 24;
                if (hour < 6)
                {
                    night[a]++;
                }
            }
        }

        for (var a = 0; a < accounts.Count; a++)
        {
            if (total[a] >= 20 && night[a] >= 0.4 * total[a])
            {
                flags[a].Add(OffHours);
            }
        }
    }

    [GeneratedRegex("^[A-Za-z]+_?[A-Za-z]*[0-9]{4,}$")]
    private static partial Regex NamePlusDigits();
}
