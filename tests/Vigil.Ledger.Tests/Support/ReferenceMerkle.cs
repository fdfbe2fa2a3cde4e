using Vigil.Ledger.Merkle;

namespace Vigil.Ledger.Tests.Support;

/// <summary>RFC 6962 section 2.1 written as literally as possible (recursion over the whole leaf list), to check the tiled implementation against.</summary>
internal static class ReferenceMerkle
{
    public static MerkleHash Root(ReadOnlySpan<MerkleHash> d)
    {
        if (d.Length == 0)
        {
            return MerkleHasher.EmptyRoot;
        }

        if (d.Length == 1)
        {
            return d[0];
        }

        var k = SplitPoint(d.Length);
        return MerkleHasher.HashChildren(Root(d[..k]), Root(d[k..]));
    }

    public static List<MerkleHash> Path(int m, ReadOnlySpan<MerkleHash> d)
    {
        if (d.Length == 1)
        {
            return [];
        }

        var k = SplitPoint(d.Length);
        if (m < k)
        {
            var path = Path(m, d[..k]);
            path.Add(Root(d[k..]));
            return path;
        }

        var right = Path(m - k, d[k..]);
        right.Add(Root(d[..k]));
        return right;
    }

    public static List<MerkleHash> Proof(int m, ReadOnlySpan<MerkleHash> d) => m == 0 || m == d.Length ? [] : SubProof(m, d, true);

    private static List<MerkleHash> SubProof(int m, ReadOnlySpan<MerkleHash> d, bool b)
    {
        if (m == d.Length)
        {
            return b ? [] : [Root(d)];
        }

        var k = SplitPoint(d.Length);
        if (m <= k)
        {
            var left = SubProof(m, d[..k], b);
            left.Add(Root(d[k..]));
            return left;
        }

        var right = SubProof(m - k, d[k..], false);
        right.Add(Root(d[..k]));
        return right;
    }

    private static int SplitPoint(int n)
    {
        var k = 1;
        while (k * 2 < n)
        {
            k *= 2;
        }

        return k;
    }
}
