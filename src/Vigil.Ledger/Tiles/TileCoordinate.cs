using Vigil.Ledger.Errors;

namespace Vigil.Ledger.Tiles;

/// <summary>
/// One tlog-tiles resource: a hash tile (level ≥ 0) or an entry bundle, its index within its level, and its width
/// (256 for a full tile, 1–255 for a partial one).
/// </summary>
public readonly record struct TileCoordinate
{
    private TileCoordinate(int level, long index, int width)
    {
        if (level is < EntriesLevel or > 63)
        {
            throw new LedgerException(LedgerFailure.InvalidArgument, $"Tile level {level} is outside 0–63.");
        }

        if (index is < 0 or > MaxIndex)
        {
            throw new LedgerException(LedgerFailure.InvalidArgument, $"Tile index {index} is outside 0–{MaxIndex}.");
        }

        if (width is < 1 or > TileMath.Width)
        {
            throw new LedgerException(LedgerFailure.InvalidArgument, $"Tile width {width} is outside 1–256.");
        }

        Level = level;
        Index = index;
        Width = width;
    }

    /// <summary>The largest tile index whose first entry index still fits in a signed 64-bit number.</summary>
    public const long MaxIndex = long.MaxValue / TileMath.Width;

    private const int EntriesLevel = -1;

    /// <summary>The tile level, or -1 for an entry bundle.</summary>
    public int Level { get; }

    /// <summary>The index of the tile within its level.</summary>
    public long Index { get; }

    /// <summary>256 for a full tile, fewer for a partial one.</summary>
    public int Width { get; }

    /// <summary>True for an entry bundle (<c>tile/entries/…</c>).</summary>
    public bool IsEntryBundle => Level == EntriesLevel;

    /// <summary>True when the tile is partial (has a <c>.p/W</c> suffix).</summary>
    public bool IsPartial => Width < TileMath.Width;

    /// <summary>The index of the first entry (or level hash) the tile holds.</summary>
    public long StartIndex => Index * TileMath.Width;

    /// <summary>A hash tile.</summary>
    public static TileCoordinate Hashes(int level, long index, int width = TileMath.Width)
    {
        if (level < 0)
        {
            throw new LedgerException(LedgerFailure.InvalidArgument, $"Tile level {level} is negative.");
        }

        return new TileCoordinate(level, index, width);
    }

    /// <summary>An entry bundle.</summary>
    public static TileCoordinate Entries(long index, int width = TileMath.Width) => new(EntriesLevel, index, width);

    /// <inheritdoc/>
    public override string ToString() => TilePath.Format(this);
}
