using System.Buffers.Binary;
using Vigil.Ledger.Errors;
using Vigil.Ledger.Merkle;

namespace Vigil.Ledger.Tiles;

/// <summary>The tlog-tiles byte encodings: hash tiles (concatenated 32-byte hashes) and entry bundles (uint16 big-endian length-prefixed entries).</summary>
public static class TileCodec
{
    /// <summary>The largest entry an entry bundle can carry.</summary>
    public const int MaxEntrySize = ushort.MaxValue;

    /// <summary>Concatenates the hashes of a tile.</summary>
    public static byte[] EncodeHashTile(ReadOnlySpan<MerkleHash> hashes)
    {
        var bytes = new byte[hashes.Length * MerkleHash.Size];
        for (var i = 0; i < hashes.Length; i++)
        {
            hashes[i].CopyTo(bytes.AsSpan(i * MerkleHash.Size));
        }

        return bytes;
    }

    /// <summary>Splits a hash tile of the expected width; throws naming the tile when the length is wrong.</summary>
    public static MerkleHash[] DecodeHashTile(ReadOnlySpan<byte> bytes, TileCoordinate tile)
    {
        if (bytes.Length != tile.Width * MerkleHash.Size)
        {
            throw new LedgerException(
                LedgerFailure.MalformedTile,
                $"Tile {tile} is {bytes.Length} bytes; a tile of width {tile.Width} is {tile.Width * MerkleHash.Size}.",
                FirstLeafOf(tile));
        }

        var hashes = new MerkleHash[tile.Width];
        for (var i = 0; i < hashes.Length; i++)
        {
            hashes[i] = new MerkleHash(bytes.Slice(i * MerkleHash.Size, MerkleHash.Size));
        }

        return hashes;
    }

    /// <summary>Encodes entries as an entry bundle.</summary>
    public static byte[] EncodeEntryBundle(IReadOnlyList<ReadOnlyMemory<byte>> entries)
    {
        var total = 0;
        for (var i = 0; i < entries.Count; i++)
        {
            if (entries[i].Length > MaxEntrySize)
            {
                throw new LedgerException(LedgerFailure.EntryTooLarge, $"Entry {i} of the bundle is {entries[i].Length} bytes; the limit is {MaxEntrySize}.");
            }

            total += 2 + entries[i].Length;
        }

        var bytes = new byte[total];
        var offset = 0;
        for (var i = 0; i < entries.Count; i++)
        {
            BinaryPrimitives.WriteUInt16BigEndian(bytes.AsSpan(offset), (ushort)entries[i].Length);
            entries[i].Span.CopyTo(bytes.AsSpan(offset + 2));
            offset += 2 + entries[i].Length;
        }

        return bytes;
    }

    /// <summary>Splits an entry bundle; throws naming the entry index and byte offset where the bundle is truncated.</summary>
    public static List<byte[]> DecodeEntryBundle(ReadOnlySpan<byte> bytes, TileCoordinate bundle)
    {
        var entries = new List<byte[]>(bundle.Width);
        var offset = 0;
        while (offset < bytes.Length)
        {
            var index = bundle.StartIndex + entries.Count;
            if (bytes.Length - offset < 2)
            {
                throw new LedgerException(LedgerFailure.MalformedTile, $"Entry bundle {bundle} ends inside the length prefix of entry {index} at byte {offset}.", index);
            }

            var length = BinaryPrimitives.ReadUInt16BigEndian(bytes[offset..]);
            if (bytes.Length - offset - 2 < length)
            {
                throw new LedgerException(LedgerFailure.MalformedTile, $"Entry bundle {bundle} ends inside entry {index}: {length} bytes announced at byte {offset}, {bytes.Length - offset - 2} left.", index);
            }

            entries.Add(bytes.Slice(offset + 2, length).ToArray());
            offset += 2 + length;
        }

        return entries;
    }

    private static long FirstLeafOf(TileCoordinate tile) =>
        tile.IsEntryBundle ? tile.StartIndex : tile.StartIndex << (TileMath.Height * tile.Level);
}
