using Vigil.Media.Pdq;

namespace Vigil.Media.Index;

public static class HashIndexExtensions
{
    public static void AddRange(this IHashIndex index, IEnumerable<PdqHash> hashes)
    {
        ArgumentNullException.ThrowIfNull(index);
        ArgumentNullException.ThrowIfNull(hashes);
        foreach (var hash in hashes)
        {
            index.Add(hash);
        }
    }

    /// <summary>
    /// Queries with every dihedral variant of the query image (e.g. <see cref="PdqDihedralResult.Hashes"/>),
    /// so rotated or mirrored copies match; each index is reported once, with its closest variant.
    /// </summary>
    public static IReadOnlyList<DihedralMatch> QueryDihedral(
        this IHashIndex index, IReadOnlyList<PdqHash> variants, int maxDistance = IHashIndex.DefaultMaxDistance)
    {
        ArgumentNullException.ThrowIfNull(index);
        ArgumentNullException.ThrowIfNull(variants);
        var best = new Dictionary<int, DihedralMatch>();
        for (var t = 0; t < variants.Count; t++)
        {
            foreach (var m in index.Query(variants[t], maxDistance))
            {
                if (!best.TryGetValue(m.Index, out var seen) || m.Distance < seen.Distance)
                {
                    best[m.Index] = new DihedralMatch(m.Index, m.Distance, (DihedralTransform)t);
                }
            }
        }

        return best.Values.OrderBy(m => m.Index).ToList();
    }
}
