using System.Collections.Concurrent;
using Vigil.Ledger.Merkle;

namespace Vigil.Storage.Ledger;

/// <summary>
/// Stored hashes of the log above the leaves (levels 1 and up) by tile of 256, as far as each tile has been read. The log only grows, so a tile's hashes,
/// once read, never change: proofs and tiles are served from here instead of a database round trip per range. A log
/// seen to be smaller than before (rewritten behind the hub's back) empties the cache, so what is served is read again.
/// </summary>
internal sealed class HashTileCache
{
    public const int Width = 256;
    private const int MaxTiles = 4096;
    private readonly ConcurrentDictionary<(int Level, long Tile), MerkleHash[]> _tiles = new();
    private long _largestSize;

    /// <summary>Notes a size read from the database; one below the largest seen so far clears every tile.</summary>
    public void ObserveSize(long size)
    {
        var largest = Interlocked.Read(ref _largestSize);
        if (size < largest)
        {
            _tiles.Clear();
            Interlocked.Exchange(ref _largestSize, size);
            return;
        }

        while (size > largest && Interlocked.CompareExchange(ref _largestSize, size, largest) != largest)
        {
            largest = Interlocked.Read(ref _largestSize);
        }
    }

    /// <summary>Copies hashes [start, start + destination.Length) of one tile when that many are cached.</summary>
    public bool TryCopy(int level, long start, Span<MerkleHash> destination)
    {
        var offset = (int)(start % Width);
        if (!_tiles.TryGetValue((level, start / Width), out var hashes) || hashes.Length < offset + destination.Length)
        {
            return false;
        }

        hashes.AsSpan(offset, destination.Length).CopyTo(destination);
        return true;
    }

    public void Store(int level, long tile, MerkleHash[] hashes)
    {
        // Full: keep what is there (the upper levels a proof always needs were read first) and serve the rest from the database.
        if (_tiles.Count < MaxTiles || _tiles.ContainsKey((level, tile)))
        {
            _tiles[(level, tile)] = hashes;
        }
    }
}
