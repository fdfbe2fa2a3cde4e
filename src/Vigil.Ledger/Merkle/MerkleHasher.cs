using System.Buffers;
using System.Security.Cryptography;

namespace Vigil.Ledger.Merkle;

/// <summary>RFC 6962 / RFC 9162 Merkle tree hashing with SHA-256: leaves are prefixed 0x00, interior nodes 0x01.</summary>
public static class MerkleHasher
{
    private const int StackLimit = 1024;

    /// <summary>The root of the empty tree: SHA-256 of the empty string.</summary>
    public static MerkleHash EmptyRoot { get; } = new(SHA256.HashData(ReadOnlySpan<byte>.Empty));

    /// <summary>SHA-256(0x00 ‖ entry).</summary>
    public static MerkleHash HashLeaf(ReadOnlySpan<byte> entry)
    {
        Span<byte> digest = stackalloc byte[MerkleHash.Size];
        if (entry.Length < StackLimit)
        {
            Span<byte> buffer = stackalloc byte[StackLimit];
            buffer[0] = 0x00;
            entry.CopyTo(buffer[1..]);
            SHA256.HashData(buffer[..(entry.Length + 1)], digest);
            return new MerkleHash(digest);
        }

        var rented = ArrayPool<byte>.Shared.Rent(entry.Length + 1);
        try
        {
            rented[0] = 0x00;
            entry.CopyTo(rented.AsSpan(1));
            SHA256.HashData(rented.AsSpan(0, entry.Length + 1), digest);
            return new MerkleHash(digest);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(rented);
        }
    }

    /// <summary>SHA-256(0x01 ‖ left ‖ right).</summary>
    public static MerkleHash HashChildren(in MerkleHash left, in MerkleHash right)
    {
        Span<byte> buffer = stackalloc byte[1 + (2 * MerkleHash.Size)];
        buffer[0] = 0x01;
        left.CopyTo(buffer[1..]);
        right.CopyTo(buffer[(1 + MerkleHash.Size)..]);
        Span<byte> digest = stackalloc byte[MerkleHash.Size];
        SHA256.HashData(buffer, digest);
        return new MerkleHash(digest);
    }

    /// <summary>
    /// The Merkle Tree Hash of a sequence of leaf (or equal-height subtree) hashes, by the RFC 6962 recursion:
    /// split at the largest power of two smaller than the count. Runs in place over a scratch copy.
    /// </summary>
    public static MerkleHash RootOf(ReadOnlySpan<MerkleHash> hashes)
    {
        if (hashes.IsEmpty)
        {
            return EmptyRoot;
        }

        if (hashes.Length == 1)
        {
            return hashes[0];
        }

        var k = MerkleMath.LargestPowerOfTwoBelow(hashes.Length);
        return HashChildren(RootOf(hashes[..(int)k]), RootOf(hashes[(int)k..]));
    }

    /// <summary>Hashes a power-of-two count of equal-height hashes up to one, overwriting <paramref name="scratch"/>.</summary>
    internal static MerkleHash FoldPerfect(Span<MerkleHash> scratch)
    {
        var n = scratch.Length;
        while (n > 1)
        {
            for (var i = 0; i < n / 2; i++)
            {
                scratch[i] = HashChildren(scratch[2 * i], scratch[(2 * i) + 1]);
            }

            n /= 2;
        }

        return scratch[0];
    }
}
