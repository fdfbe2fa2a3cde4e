using System.Buffers.Text;
using System.Globalization;
using System.Text;

namespace Vigil.Ads.Search;

/// <summary>
/// Keyset cursor for the archive's order: delivery start, newest first (ads without a start last), then id ascending (ordinal).
/// Encoded as base64url of <c>v1|ticks|id</c> so a SQL implementation can issue and read the same cursors. A cursor of another
/// <see cref="AdSort"/> leads with the sort value: <c>s1|sort|value|ticks|id</c>.
/// </summary>
public readonly record struct AdCursor(long StartTicks, string Id)
{
    /// <summary>Sort key of an ad without a delivery start: after every dated ad.</summary>
    public const long NoStart = long.MinValue;

    public AdSort Sort { get; init; }

    /// <summary>The sort value (<see cref="AdSorts.ValueOf"/>) when <see cref="Sort"/> is not <see cref="AdSort.Newest"/>.</summary>
    public long Value { get; init; }

    public string Encode() => Base64Url.EncodeToString(Encoding.UTF8.GetBytes(Sort == AdSort.Newest
        ? string.Create(CultureInfo.InvariantCulture, $"v1|{StartTicks}|{Id}")
        : string.Create(CultureInfo.InvariantCulture, $"s1|{AdSorts.NameOf(Sort)}|{Value}|{StartTicks}|{Id}")));

    public static bool TryDecode(string text, out AdCursor cursor)
    {
        cursor = default;
        if (string.IsNullOrEmpty(text) || text.Length > 2048)
        {
            return false;
        }

        byte[] bytes;
        try
        {
            bytes = Base64Url.DecodeFromChars(text);
        }
        catch (FormatException)
        {
            return false;
        }

        var decoded = Encoding.UTF8.GetString(bytes);
        if (decoded.StartsWith("s1|", StringComparison.Ordinal))
        {
            var sorted = decoded.Split('|', 5);
            if (sorted.Length != 5 || !AdSorts.ByName.TryGetValue(sorted[1], out var sort) || sort == AdSort.Newest
                || !long.TryParse(sorted[2], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value)
                || !long.TryParse(sorted[3], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var sortedTicks))
            {
                return false;
            }

            cursor = new AdCursor(sortedTicks, sorted[4]) { Sort = sort, Value = value };
            return true;
        }

        var parts = decoded.Split('|', 3);
        if (parts.Length != 3 || parts[0] != "v1" || !long.TryParse(parts[1], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var ticks))
        {
            return false;
        }

        cursor = new AdCursor(ticks, parts[2]);
        return true;
    }

    /// <summary>Compares two positions in archive order (negative: <paramref name="a"/> comes first).</summary>
    public static int Compare(long aTicks, string aId, long bTicks, string bId)
    {
        var byStart = bTicks.CompareTo(aTicks);
        return byStart != 0 ? byStart : string.CompareOrdinal(aId, bId);
    }

    /// <summary>Compares two positions in a sorted order: higher value first, then archive order.</summary>
    public static int Compare(long aValue, long aTicks, string aId, long bValue, long bTicks, string bId)
    {
        var byValue = bValue.CompareTo(aValue);
        return byValue != 0 ? byValue : Compare(aTicks, aId, bTicks, bId);
    }
}
