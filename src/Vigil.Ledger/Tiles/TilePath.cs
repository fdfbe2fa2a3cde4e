using System.Globalization;
using System.Text;
using Vigil.Ledger.Errors;

namespace Vigil.Ledger.Tiles;

/// <summary>
/// Formats and parses tlog-tiles paths relative to the log prefix: <c>tile/&lt;L&gt;/&lt;N&gt;[.p/&lt;W&gt;]</c> and
/// <c>tile/entries/&lt;N&gt;[.p/&lt;W&gt;]</c>, where N is written as 3-digit elements, all but the last prefixed with x.
/// </summary>
public static class TilePath
{
    private const string Prefix = "tile/";
    private const string EntriesPrefix = "tile/entries/";

    /// <summary>The path of a tile, e.g. <c>tile/0/x001/x234/067.p/8</c>.</summary>
    public static string Format(TileCoordinate tile)
    {
        var sb = new StringBuilder(32);
        sb.Append(tile.IsEntryBundle ? EntriesPrefix : Prefix);
        if (!tile.IsEntryBundle)
        {
            sb.Append(tile.Level.ToString(CultureInfo.InvariantCulture)).Append('/');
        }

        AppendIndex(sb, tile.Index);
        if (tile.IsPartial)
        {
            sb.Append(".p/").Append(tile.Width.ToString(CultureInfo.InvariantCulture));
        }

        return sb.ToString();
    }

    /// <summary>Parses a tile path; throws <see cref="LedgerException"/> naming the bad part.</summary>
    public static TileCoordinate Parse(string path)
    {
        if (TryParse(path, out var tile, out var error))
        {
            return tile;
        }

        throw new LedgerException(LedgerFailure.InvalidArgument, error);
    }

    /// <summary>Parses a tile path; on failure <paramref name="error"/> says what is wrong.</summary>
    public static bool TryParse(string? path, out TileCoordinate tile, out string error)
    {
        tile = default;
        if (string.IsNullOrEmpty(path) || !path.StartsWith(Prefix, StringComparison.Ordinal))
        {
            error = $"Tile path '{path}' does not start with '{Prefix}'.";
            return false;
        }

        var parts = path[Prefix.Length..].Split('/');
        var isEntries = parts[0] == "entries";
        var level = -1;
        if (!isEntries && !TryParseSmall(parts[0], 0, 63, out level))
        {
            error = $"Tile path '{path}': level '{parts[0]}' must be 0–63 without leading zeros.";
            return false;
        }

        var indexParts = parts.AsSpan(1);
        var width = TileMath.Width;
        if (indexParts.Length >= 2 && indexParts[^2].EndsWith(".p", StringComparison.Ordinal))
        {
            if (!TryParseSmall(indexParts[^1], 1, TileMath.Width - 1, out width))
            {
                error = $"Tile path '{path}': partial width '{indexParts[^1]}' must be 1–255 without leading zeros.";
                return false;
            }

            var last = indexParts[^2];
            indexParts = parts.AsSpan(1, indexParts.Length - 1);
            indexParts[^1] = last[..^2];
        }

        if (indexParts.IsEmpty || indexParts.Length > 6)
        {
            error = $"Tile path '{path}' has no valid index.";
            return false;
        }

        long index = 0;
        for (var i = 0; i < indexParts.Length; i++)
        {
            var element = indexParts[i];
            var isLast = i == indexParts.Length - 1;
            var digits = isLast ? element : element.StartsWith('x') ? element[1..] : null;
            if (digits is not { Length: 3 } || !digits.All(char.IsAsciiDigit))
            {
                error = isLast
                    ? $"Tile path '{path}': index element '{element}' must be exactly 3 digits."
                    : $"Tile path '{path}': index element '{element}' must be 'x' and 3 digits.";
                return false;
            }

            index = (index * 1000) + int.Parse(digits, NumberStyles.None, CultureInfo.InvariantCulture);
        }

        if (index > TileCoordinate.MaxIndex)
        {
            error = $"Tile path '{path}': index {index} is beyond the largest tile index {TileCoordinate.MaxIndex}.";
            return false;
        }

        if (indexParts.Length > 1 && indexParts[0] == "x000")
        {
            error = $"Tile path '{path}': the index has a redundant leading 'x000' element.";
            return false;
        }

        tile = isEntries ? TileCoordinate.Entries(index, width) : TileCoordinate.Hashes(level, index, width);
        error = string.Empty;
        return true;
    }

    private static void AppendIndex(StringBuilder sb, long index)
    {
        Span<int> groups = stackalloc int[7];
        var count = 0;
        do
        {
            groups[count++] = (int)(index % 1000);
            index /= 1000;
        }
        while (index > 0);

        for (var i = count - 1; i >= 0; i--)
        {
            if (i > 0)
            {
                sb.Append('x');
            }

            sb.Append(groups[i].ToString("D3", CultureInfo.InvariantCulture));
            if (i > 0)
            {
                sb.Append('/');
            }
        }
    }

    private static bool TryParseSmall(string text, int min, int max, out int value)
    {
        value = 0;
        if (text.Length is 0 or > 3 || (text.Length > 1 && text[0] == '0') || !text.All(char.IsAsciiDigit))
        {
            return false;
        }

        value = int.Parse(text, NumberStyles.None, CultureInfo.InvariantCulture);
        return value >= min && value <= max;
    }
}
