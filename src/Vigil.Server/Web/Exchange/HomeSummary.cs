using System.Globalization;
using Vigil.Server.Rest;

namespace Vigil.Server.Web.Exchange;

/// <summary>What the member's home shows: counts of visible objects (each up to <see cref="CountCap"/> plus one) and the latest shares.</summary>
public sealed record HomeSummary(long Total, long AddedLastWeek, IReadOnlyList<TypeCount> ByType, IReadOnlyList<SearchHit> Recent)
{
    public const long CountCap = 10_000;

    /// <summary>A count as the page shows it: exact up to the cap, "10,000+" above it.</summary>
    public static string Show(long count) =>
        count > CountCap ? CountCap.ToString("N0", CultureInfo.InvariantCulture) + "+" : count.ToString(CultureInfo.InvariantCulture);
}
