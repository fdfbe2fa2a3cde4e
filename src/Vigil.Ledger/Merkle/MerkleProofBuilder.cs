using System.Buffers;
using Vigil.Ledger.Errors;

namespace Vigil.Ledger.Merkle;

/// <summary>
/// Computes roots and RFC 9162 inclusion and consistency proofs from stored level hashes. Each proof hash is one
/// complete subtree (at most 2^(LevelHeight-1) stored hashes of one level folded together) or a right-edge range built
/// from a few of them, so the work is O(log n) hash reads whatever the tree size.
/// </summary>
public sealed class MerkleProofBuilder(ITileHashReader reader)
{
    /// <summary>The Merkle Tree Hash of the first <paramref name="treeSize"/> leaves.</summary>
    public async ValueTask<MerkleHash> GetRootAsync(long treeSize, CancellationToken cancellationToken = default)
    {
        if (treeSize < 0)
        {
            throw new LedgerException(LedgerFailure.InvalidArgument, $"Tree size {treeSize} is negative.");
        }

        return treeSize == 0 ? MerkleHasher.EmptyRoot : await RangeHashAsync(0, treeSize, cancellationToken);
    }

    /// <summary>The audit path for leaf <paramref name="index"/> in the tree of <paramref name="treeSize"/> leaves, deepest sibling first.</summary>
    public async ValueTask<MerkleHash[]> GetInclusionProofAsync(long index, long treeSize, CancellationToken cancellationToken = default)
    {
        if (index < 0 || index >= treeSize)
        {
            throw new LedgerException(LedgerFailure.InvalidArgument, $"Leaf index {index} is not in a tree of size {treeSize}.", index);
        }

        var proof = new List<MerkleHash>(64);
        long lo = 0, hi = treeSize;
        while (hi - lo > 1)
        {
            var k = MerkleMath.LargestPowerOfTwoBelow(hi - lo);
            if (index < lo + k)
            {
                proof.Add(await RangeHashAsync(lo + k, hi, cancellationToken));
                hi = lo + k;
            }
            else
            {
                proof.Add(await RangeHashAsync(lo, lo + k, cancellationToken));
                lo += k;
            }
        }

        proof.Reverse();
        return [.. proof];
    }

    /// <summary>The RFC 9162 consistency proof from the tree of <paramref name="oldSize"/> leaves to the tree of <paramref name="newSize"/>.</summary>
    public async ValueTask<MerkleHash[]> GetConsistencyProofAsync(long oldSize, long newSize, CancellationToken cancellationToken = default)
    {
        if (oldSize < 0 || oldSize > newSize)
        {
            throw new LedgerException(LedgerFailure.InvalidArgument, $"No consistency proof from size {oldSize} to size {newSize}: the first must be between 0 and the second.");
        }

        if (oldSize == 0 || oldSize == newSize)
        {
            return [];
        }

        var proof = new List<MerkleHash>(64);
        long lo = 0, hi = newSize;
        var wholeOldTreeKnown = true;
        while (true)
        {
            var size = hi - lo;
            var m = oldSize - lo;
            if (m == size)
            {
                if (!wholeOldTreeKnown)
                {
                    proof.Add(await RangeHashAsync(lo, hi, cancellationToken));
                }

                break;
            }

            var k = MerkleMath.LargestPowerOfTwoBelow(size);
            if (m <= k)
            {
                proof.Add(await RangeHashAsync(lo + k, hi, cancellationToken));
                hi = lo + k;
            }
            else
            {
                proof.Add(await RangeHashAsync(lo, lo + k, cancellationToken));
                lo += k;
                wholeOldTreeKnown = false;
            }
        }

        proof.Reverse();
        return [.. proof];
    }

    /// <summary>
    /// MTH(D[lo:hi]) for a range that is a node of some tree: <paramref name="lo"/> is a multiple of a power of two at
    /// least <c>hi - lo</c>. It is the right-to-left fold of the complete subtrees that make up the range.
    /// </summary>
    internal async ValueTask<MerkleHash> RangeHashAsync(long lo, long hi, CancellationToken cancellationToken)
    {
        // Complete subtrees from the left: biggest first, following the bits of the length.
        Span<int> heights = stackalloc int[64];
        var count = 0;
        var remaining = hi - lo;
        for (var h = 62; h >= 0; h--)
        {
            if ((remaining & (1L << h)) != 0)
            {
                heights[count++] = h;
            }
        }

        var starts = new long[count];
        var hs = heights[..count].ToArray();
        var position = lo;
        for (var i = 0; i < count; i++)
        {
            starts[i] = position;
            position += 1L << hs[i];
        }

        var result = await SubtreeHashAsync(hs[count - 1], starts[count - 1] >> hs[count - 1], cancellationToken);
        for (var i = count - 2; i >= 0; i--)
        {
            var left = await SubtreeHashAsync(hs[i], starts[i] >> hs[i], cancellationToken);
            result = MerkleHasher.HashChildren(left, result);
        }

        return result;
    }

    /// <summary>The hash of the complete subtree of height <paramref name="height"/> whose leftmost leaf is <c>index · 2^height</c>.</summary>
    internal async ValueTask<MerkleHash> SubtreeHashAsync(int height, long index, CancellationToken cancellationToken)
    {
        var level = height / reader.LevelHeight;
        var width = 1 << (height % reader.LevelHeight);
        var buffer = ArrayPool<MerkleHash>.Shared.Rent(width);
        try
        {
            var memory = buffer.AsMemory(0, width);
            await reader.ReadHashesAsync(level, index * width, memory, cancellationToken);
            return MerkleHasher.FoldPerfect(memory.Span);
        }
        finally
        {
            ArrayPool<MerkleHash>.Shared.Return(buffer);
        }
    }
}
