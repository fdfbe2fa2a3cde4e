namespace Vigil.Ledger.Merkle;

/// <summary>RFC 9162 proof verification (sections 2.1.3.2 and 2.1.4.2), independent of any tree or store.</summary>
public static class MerkleProof
{
    /// <summary>True when <paramref name="proof"/> proves that <paramref name="leafHash"/> is leaf <paramref name="index"/> of the tree with <paramref name="root"/>.</summary>
    public static bool VerifyInclusion(MerkleHash leafHash, long index, long treeSize, ReadOnlySpan<MerkleHash> proof, MerkleHash root) =>
        TryRootFromInclusionProof(leafHash, index, treeSize, proof, out var computed) && computed == root;

    /// <summary>Recomputes the root an inclusion proof implies; false when the proof has the wrong shape for the index and size.</summary>
    public static bool TryRootFromInclusionProof(MerkleHash leafHash, long index, long treeSize, ReadOnlySpan<MerkleHash> proof, out MerkleHash root)
    {
        root = default;
        if (index < 0 || index >= treeSize)
        {
            return false;
        }

        var fn = index;
        var sn = treeSize - 1;
        var r = leafHash;
        foreach (var p in proof)
        {
            if (sn == 0)
            {
                return false;
            }

            if ((fn & 1) == 1 || fn == sn)
            {
                r = MerkleHasher.HashChildren(p, r);
                while ((fn & 1) == 0 && fn != 0)
                {
                    fn >>= 1;
                    sn >>= 1;
                }
            }
            else
            {
                r = MerkleHasher.HashChildren(r, p);
            }

            fn >>= 1;
            sn >>= 1;
        }

        if (sn != 0)
        {
            return false;
        }

        root = r;
        return true;
    }

    /// <summary>True when <paramref name="proof"/> proves the tree (<paramref name="oldSize"/>, <paramref name="oldRoot"/>) is a prefix of (<paramref name="newSize"/>, <paramref name="newRoot"/>).</summary>
    public static bool VerifyConsistency(long oldSize, long newSize, MerkleHash oldRoot, MerkleHash newRoot, ReadOnlySpan<MerkleHash> proof)
    {
        if (oldSize < 0 || oldSize > newSize)
        {
            return false;
        }

        if (oldSize == newSize)
        {
            return proof.IsEmpty && oldRoot == newRoot;
        }

        if (oldSize == 0)
        {
            // Every tree extends the empty tree; RFC 9162 defines no proof for it, so an empty one is the only valid one.
            return proof.IsEmpty && oldRoot == MerkleHasher.EmptyRoot;
        }

        if (proof.IsEmpty)
        {
            return false;
        }

        var startsWithOldRoot = MerkleMath.IsPowerOfTwo(oldSize);
        var fn = oldSize - 1;
        var sn = newSize - 1;
        while ((fn & 1) == 1)
        {
            fn >>= 1;
            sn >>= 1;
        }

        var first = startsWithOldRoot ? oldRoot : proof[0];
        var rest = startsWithOldRoot ? proof : proof[1..];
        var fr = first;
        var sr = first;
        foreach (var c in rest)
        {
            if (sn == 0)
            {
                return false;
            }

            if ((fn & 1) == 1 || fn == sn)
            {
                fr = MerkleHasher.HashChildren(c, fr);
                sr = MerkleHasher.HashChildren(c, sr);
                while ((fn & 1) == 0 && fn != 0)
                {
                    fn >>= 1;
                    sn >>= 1;
                }
            }
            else
            {
                sr = MerkleHasher.HashChildren(sr, c);
            }

            fn >>= 1;
            sn >>= 1;
        }

        return sn == 0 && fr == oldRoot && sr == newRoot;
    }
}
