namespace Vigil.Ledger.Tiles;

/// <summary>C2SP tlog-tiles geometry: tiles of height 8, 256 hashes wide.</summary>
public static class TileMath
{
    /// <summary>Tree levels spanned by one tile.</summary>
    public const int Height = 8;

    /// <summary>Hashes (or entries) in a full tile.</summary>
    public const int Width = 256;

    /// <summary>How many hashes tile level <paramref name="level"/> holds for a tree of <paramref name="treeSize"/> leaves.</summary>
    public static long HashCountAtLevel(long treeSize, int level) => level * Height >= 63 ? 0 : treeSize >> (level * Height);

    /// <summary>The width of tile <paramref name="index"/> at <paramref name="level"/> in a tree of <paramref name="treeSize"/> leaves: 256 when full, 0 when it does not exist.</summary>
    public static int WidthOf(long treeSize, int level, long index)
    {
        var count = HashCountAtLevel(treeSize, level);
        var start = index * Width;
        return start >= count ? 0 : (int)Math.Min(Width, count - start);
    }

    /// <summary>The tiles (level and index, with width) a client needs for a tree of the given size, level by level.</summary>
    public static IEnumerable<TileCoordinate> TilesFor(long treeSize)
    {
        for (var level = 0; HashCountAtLevel(treeSize, level) > 0; level++)
        {
            var count = HashCountAtLevel(treeSize, level);
            for (long index = 0; index * Width < count; index++)
            {
                yield return TileCoordinate.Hashes(level, index, WidthOf(treeSize, level, index));
            }
        }
    }
}
