using System.Buffers.Text;
using System.Globalization;
using System.Text;

namespace Vigil.Ads.Search;

/// <summary>
/// Keyset cursor for the archive's order: delivery start, newest first (ads without a start last), then id ascending (ordinal).
/// Encoded as base64url of <c>v1|ticks|id</c> so a SQL implementation can issue and read the same cursors.
/// </summary>
public readonly record struct AdCursor(long StartTicks, string Id)
{
    /// <summary>Sort key of an ad without a delivery start: after every dated ad.</summary>
    public const long NoStart = long.MinValue;

    public string Encode() => Base64Url.EncodeToString(Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture, $"v1|{StartTicks}|{Id}")));

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

        var parts = Encoding.UTF8.GetString(bytes).Split('|', 3);
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
}
