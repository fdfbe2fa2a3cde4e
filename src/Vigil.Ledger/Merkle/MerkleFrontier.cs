using System.Numerics;
using Vigil.Ledger.Errors;

namespace Vigil.Ledger.Merkle;

/// <summary>
/// The right edge of a growing tree: one hash per set bit of the size, for the complete subtrees the tree splits
/// into, biggest (leftmost) first. Enough to compute the root and to keep appending, in O(log n) memory.
/// </summary>
public sealed class MerkleFrontier
{
    private readonly List<MerkleHash> _hashes = [];
    private readonly List<int> _heights = [];

    /// <summary>The number of leaves appended.</summary>
    public long Size { get; private set; }

    /// <summary>The subtree hashes, leftmost (highest) first.</summary>
    public IReadOnlyList<MerkleHash> Hashes => _hashes;

    /// <summary>Rebuilds a frontier from its size and subtree hashes.</summary>
    public static MerkleFrontier FromHashes(long size, IReadOnlyList<MerkleHash> hashes)
    {
        ArgumentNullException.ThrowIfNull(hashes);
        if (size < 0 || BitOperations.PopCount((ulong)size) != hashes.Count)
        {
            throw new LedgerException(LedgerFailure.InvalidArgument, $"A frontier of size {size} has {BitOperations.PopCount((ulong)Math.Max(size, 0))} hashes, not {hashes.Count}.");
        }

        var frontier = new MerkleFrontier { Size = size };
        var i = 0;
        for (var h = 62; h >= 0; h--)
        {
            if ((size & (1L << h)) != 0)
            {
                frontier._hashes.Add(hashes[i++]);
                frontier._heights.Add(h);
            }
        }

        return frontier;
    }

    /// <summary>The leaf range <c>[start, end)</c> that subtree hash <paramref name="i"/> covers.</summary>
    public (long Start, long End) RangeOf(int i)
    {
        long start = 0;
        for (var k = 0; k < i; k++)
        {
            start += 1L << _heights[k];
        }

        return (start, start + (1L << _heights[i]));
    }

    /// <summary>Appends one leaf hash.</summary>
    public void Append(MerkleHash leafHash) => AppendSubtree(0, leafHash);

    /// <summary>Appends the hash of a complete subtree of 2^height leaves; the size must be a multiple of 2^height.</summary>
    public void AppendSubtree(int height, MerkleHash hash)
    {
        if ((Size & ((1L << height) - 1)) != 0)
        {
            throw new LedgerException(LedgerFailure.InvalidArgument, $"A subtree of height {height} cannot start at leaf {Size}.");
        }

        var added = 1L << height;
        while (_heights.Count > 0 && _heights[^1] == height)
        {
            hash = MerkleHasher.HashChildren(_hashes[^1], hash);
            _hashes.RemoveAt(_hashes.Count - 1);
            _heights.RemoveAt(_heights.Count - 1);
            height++;
        }

        _hashes.Add(hash);
        _heights.Add(height);
        Size += added;
    }

    /// <summary>The root hash of the leaves appended so far.</summary>
    public MerkleHash Root()
    {
        if (_hashes.Count == 0)
        {
            return MerkleHasher.EmptyRoot;
        }

        var root = _hashes[^1];
        for (var i = _hashes.Count - 2; i >= 0; i--)
        {
            root = MerkleHasher.HashChildren(_hashes[i], root);
        }

        return root;
    }
}
