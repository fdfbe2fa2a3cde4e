using Vigil.Ledger.Errors;
using Vigil.Ledger.Merkle;
using Vigil.Ledger.Tiles;

namespace Vigil.Ledger.Verification;

/// <summary>
/// Reads stored hashes from a source's tiles for a tree of a given size (fetching partial tiles at the right edge),
/// caching what it fetched. Tiles are untrusted: use the hashes only inside proofs checked against signed roots.
/// </summary>
public sealed class SourceHashReader(ILogSource source, long treeSize) : ITileHashReader
{
    private readonly Dictionary<(int Level, long Index), MerkleHash[]> _tiles = [];

    /// <inheritdoc/>
    public int LevelHeight => TileMath.Height;

    /// <inheritdoc/>
    public async ValueTask ReadHashesAsync(int level, long start, Memory<MerkleHash> destination, CancellationToken cancellationToken)
    {
        var done = 0;
        while (done < destination.Length)
        {
            var position = start + done;
            var index = position / TileMath.Width;
            var offset = (int)(position % TileMath.Width);
            var tile = await GetAsync(level, index, cancellationToken);
            var n = Math.Min(destination.Length - done, tile.Length - offset);
            if (n <= 0)
            {
                throw new LedgerException(LedgerFailure.InvalidArgument, $"Hash {position} at level {level} is beyond a tree of size {treeSize}.");
            }

            tile.AsSpan(offset, n).CopyTo(destination.Span[done..]);
            done += n;
        }
    }

    private async ValueTask<MerkleHash[]> GetAsync(int level, long index, CancellationToken cancellationToken)
    {
        if (_tiles.TryGetValue((level, index), out var cached))
        {
            return cached;
        }

        var width = TileMath.WidthOf(treeSize, level, index);
        if (width == 0)
        {
            throw new LedgerException(LedgerFailure.InvalidArgument, $"Tile {level}/{index} is beyond a tree of size {treeSize}.");
        }

        var coordinate = TileCoordinate.Hashes(level, index, width);
        var hashes = TileCodec.DecodeHashTile(await source.GetTileAsync(coordinate, cancellationToken), coordinate);
        _tiles[(level, index)] = hashes;
        return hashes;
    }
}
